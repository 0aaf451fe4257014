import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveWebApp, WEB_DIST } from "../../src/entry/web.js";
import { signIn } from "../helpers/auth.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";
import {
  axe,
  countOf,
  ensureBuilt,
  inputValueOf,
  launchChromium,
  open as openIn,
  shoot,
  textOf,
  textsOf,
  visible,
  WAIT,
} from "./browser.js";

/**
 * The browser journeys in real Chromium against the real server (SQLite + Meilisearch with
 * the demo profiles), serving the built web application exactly as `npm start` does.
 */

let rt: TestRuntime | undefined;
let server: ReturnType<typeof serve> | undefined;
let browser: Browser | undefined;
let base = "";

beforeAll(async () => {
  await ensureBuilt();
  browser = await launchChromium();
  rt = await startTestRuntime({ demo: true });
  if (!serveWebApp(rt.app, WEB_DIST)) throw new Error(`${WEB_DIST} has no index.html after the build`);
  const app = rt.app;
  server = await new Promise<ReturnType<typeof serve>>((ok) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ok(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await rt?.close();
});

const open = (width = 1280) => openIn(browser!, width);

describe("web application (Chromium)", () => {
  it("journey 2: search Kayes, open a planche, see its matches with bars", async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${base}/`);
      await textOf(page.getByRole("heading", { level: 1 })).toMatch(/Trouver un partenaire/);
      await axe(page, "home");
      await shoot(page, "home");

      await page.getByLabel("Rechercher une planche par nom, secteur ou besoin").fill("Kayes");
      await page.getByRole("button", { name: "Rechercher", exact: true }).click();
      await page.waitForURL(/\/recherche\?q=Kayes/);
      await visible(page.getByRole("status").filter({ hasText: /planches? trouvées?/ }));
      const card = page.locator("bap-result-card").filter({ hasText: "Kayes Commune" });
      await visible(card);
      await visible(card.locator(".chip").first());

      // A facet narrows the results and lands in the address (shareable, reloadable).
      await page
        .locator("bap-search .filters")
        .getByRole("checkbox", { name: /^Kayes/ })
        .first()
        .check();
      await page.waitForURL(/region=ML01/);
      await visible(page.getByRole("group", { name: "Cercle" }));
      await axe(page, "search");
      await shoot(page, "search");

      await card.getByRole("link", { name: "Kayes Commune", exact: true }).click();
      await page.waitForURL(/\/planche\/demo-mali-kayes-commune-2$/);
      await visible(page.getByRole("heading", { level: 1, name: "Kayes Commune" }));
      const rows = page.locator("bap-planche-view tbody tr");
      await countOf(rows).toBe(3);
      await textOf(rows.first()).toContain("Urbanisme");
      const text = (await page.locator("bap-planche-view").textContent()) ?? "";
      expect(text).not.toMatch(/@example\.org|\+223/);
      await axe(page, "planche");
      await shoot(page, "planche");

      await page.getByRole("link", { name: "Voir les correspondances" }).click();
      await page.waitForURL(/\/profil\/demo-mali-kayes-commune-2\/correspondances$/);
      await textOf(page.getByRole("heading", { level: 1 })).toBe("Correspondances pour Kayes Commune");
      const first = page.locator("article.match").first();
      await visible(first);
      await textsOf(first.locator("bap-factor-bars dt")).toEqual([
        "Secteurs",
        "Territoire et diaspora",
        "Taille et niveau",
        "Liens et expérience",
        "Réciprocité",
      ]);
      const widths = await first
        .locator("bap-factor-bars rect.fill")
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute("width"))));
      expect(widths).toHaveLength(5);
      for (const w of widths) expect(w).toBeGreaterThanOrEqual(0);
      expect(Math.max(...widths)).toBeGreaterThan(0);
      expect(await first.locator("ul.why li").count()).toBeGreaterThan(0);
      await axe(page, "matches");
      await shoot(page, "matches");

      // A deep link survives a reload: the server answers index.html for client routes.
      await page.reload();
      await visible(page.locator("article.match").first());
      // …but never for the API: an unknown /api path stays a problem+json 404.
      const res = await page.request.get(`${base}/api/no-such-thing`);
      expect(res.status()).toBe(404);
      expect(res.headers()["content-type"]).toContain("application/problem+json");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it("journey 1: publish a planche step by step, with a server error shown at its field", async () => {
    const { context, page, errors } = await open(360);
    const email = "sg.e2e@example.org";
    try {
      await page.goto(`${base}/publier/planche`);
      await visible(page.getByRole("heading", { level: 1, name: "Publier une planche" }));
      await axe(page, "planche form");
      await shoot(page, "publish-planche");

      // Step 1: the collectivité from the reference list.
      await page
        .getByRole("combobox", { name: /Nom de la collectivité/ })
        .pressSequentially("Diafou", { delay: 30 });
      await page.getByRole("option", { name: /Diafounou Diongaga/ }).click();
      await textOf(page.locator(".chosen")).toContain("Diafounou Diongaga");
      await page.getByLabel("Présentation de la collectivité").fill("Commune rurale du cercle de Yélimané.");
      await page.getByRole("button", { name: /Étape suivante/ }).click();

      // Step 2: PDESC period (end before start: only the server judges that) and priorities.
      await visible(page.getByRole("heading", { level: 2, name: "Priorités du PDESC" }));
      await page.getByLabel("Année de début").fill("2028");
      await page.getByLabel("Année de fin").fill("2024");
      await page.locator("#f-priorities-0-sector").selectOption("water");
      await page.locator("#f-priorities-0-aspect").fill("Réhabiliter les forages des villages");
      await page.locator("#f-priorities-0-actors").fill("Comités de gestion des points d'eau");
      await page.getByRole("button", { name: "+ Ajouter une priorité" }).click();
      await page.locator("#f-priorities-1-sector").selectOption("health");
      await page.locator("#f-priorities-1-aspect").fill("Équiper la maternité du CSCOM");
      await page.getByRole("button", { name: /Monter la priorité 2/ }).click();
      await inputValueOf(page.locator("#f-priorities-0-sector")).toBe("health");
      await inputValueOf(page.locator("#f-priorities-1-aspect")).toBe("Réhabiliter les forages des villages");

      // Nothing is lost on reload: the draft lives in localStorage.
      await page.reload();
      await visible(page.getByText("Votre brouillon a été retrouvé"));
      await inputValueOf(page.locator("#f-priorities-0-aspect")).toBe("Équiper la maternité du CSCOM");
      await page.getByRole("button", { name: /Étape suivante/ }).click();

      // Step 3: partner sought.
      await page.getByLabel("Le partenaire que vous recherchez").fill("Une commune avec une régie de l'eau.");
      await page.getByRole("button", { name: "Reprendre les secteurs de mes priorités" }).click();
      await page.getByRole("checkbox", { name: /Avec la diaspora/ }).check();
      await page.getByRole("button", { name: /Étape suivante/ }).click();

      // Step 4: contact, said to be private.
      await visible(page.getByText("Ces coordonnées restent privées"));
      await page.getByLabel(/Nom ou service à contacter/).fill("Secrétaire général");
      await page.getByLabel(/Adresse e-mail/).fill(email);
      await page.getByRole("button", { name: /Étape suivante/ }).click();

      // Step 5: the preview is the public view, without the contact.
      const preview = page.locator("bap-planche-view");
      await visible(preview.getByRole("heading", { name: "Diafounou Diongaga" }));
      await countOf(preview.locator("tbody tr")).toBe(2);
      expect((await preview.textContent()) ?? "").not.toContain(email);

      // Anonymous: publishing asks for the e-mail sign-in first.
      await page.getByRole("button", { name: "Publier la planche" }).click();
      await visible(page.getByRole("heading", { name: "Confirmez votre adresse e-mail pour publier" }));
      await inputValueOf(page.getByLabel("Votre adresse e-mail", { exact: true })).toBe(email);

      // Signed in (through the real magic-link flow), the POST goes out and the server objects.
      const signed = await signIn(rt!, email);
      const [name, value] = signed.cookie.split("=") as [string, string];
      await context.addCookies([{ name, value, url: base }]);
      await page.getByRole("button", { name: "Publier la planche" }).click();
      await visible(page.getByRole("heading", { level: 2, name: "Priorités du PDESC" }));
      const end = page.locator("#f-pdesc-end");
      await expect.poll(() => end.getAttribute("aria-invalid"), WAIT).toBe("true");
      await textOf(page.locator("#f-pdesc-end-err")).toBe("Valeur incohérente.");
      await textOf(page.locator("#error-summary")).toContain("Année de fin");
      await shoot(page, "publish-planche-error");

      await end.fill("2032");
      await countOf(page.locator("#f-pdesc-end-err")).toBe(0);
      await page.getByRole("button", { name: /Aperçu et envoi/ }).click();
      await page.getByRole("button", { name: "Publier la planche" }).click();
      await visible(page.getByRole("heading", { name: "Votre planche est enregistrée" }));
      const href = await page.getByRole("link", { name: "Voir la planche" }).getAttribute("href");
      const id = href?.split("/").pop() ?? "";

      // The API has it, owned by the signed-in user, priorities in the order given.
      const res = await rt!.request(`/api/profiles/${id}`, { headers: { cookie: signed.cookie } });
      expect(res.status).toBe(200);
      const created = (await res.json()) as {
        collectivite: { name: string; refCode: string };
        priorities: { sector: string }[];
        pdesc: { start: number; end: number };
        status: string;
      };
      expect(created.collectivite).toMatchObject({ name: "Diafounou Diongaga", refCode: "ML010701" });
      expect(created.priorities.map((p) => p.sector)).toEqual(["health", "water"]);
      expect(created.pdesc).toEqual({ start: 2028, end: 2032 });
      expect(["pending_review", "published"]).toContain(created.status);
      // The draft is gone once sent.
      expect(await page.evaluate(() => localStorage.getItem("bap:draft:planche"))).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it("switches to English and remembers it", async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${base}/recherche`);
      await textOf(page.getByRole("heading", { level: 1 })).toBe("Rechercher une planche");
      await page.getByRole("button", { name: "English" }).click();
      await textOf(page.getByRole("heading", { level: 1 })).toBe("Search planches");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      await visible(page.getByRole("navigation", { name: "Main navigation" }));
      await textOf(page.locator("bap-result-card .chip").first()).toMatch(/^[A-Z][a-z]/);
      await page.reload();
      await textOf(page.getByRole("heading", { level: 1 })).toBe("Search planches");
      await page.goto(`${base}/profil/demo-mali-kayes-commune-2/correspondances`);
      await textOf(page.locator("bap-factor-bars dt").first()).toBe("Sectors");
      await textOf(page.locator("ul.why li").first()).toMatch(/[a-z]/);
      await textOf(page.locator("ul.why").first()).not.toContain("Vos priorités");
      await page.goto(`${base}/publier/partenaire`);
      await textOf(page.getByRole("heading", { level: 1 })).toBe("Publish a partner profile");
      await axe(page, "partner form");
      await shoot(page, "publish-partner-en");
      await page.getByRole("button", { name: "Français" }).click();
      await textOf(page.getByRole("heading", { level: 1 })).toBe("Publier un profil partenaire");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
