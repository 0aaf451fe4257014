import { serve } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/adapters/meilisearch/local-server.js";
import { addStaff } from "../../src/core/services/auth.js";
import { serveWebApp, WEB_DIST } from "../../src/entry/web.js";
import { as, type Signed, signIn } from "../helpers/auth.js";
import { partnerInput, plancheInput } from "../helpers/fixtures.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";
import { TestSmtp } from "../helpers/smtp.js";
import {
  axe,
  countOf,
  inputValueOf,
  ensureBuilt,
  launchChromium,
  open,
  type Session,
  shoot,
  textOf,
  visible,
  WAIT,
} from "./browser.js";

/**
 * Journeys 3 and 4 in real Chromium against the real server (SQLite, Meilisearch with the
 * demo profiles) and a real SMTP server in the test process: a Malian contact signs in by the
 * e-mail link and follows the planche in "Mon espace"; AMM staff review it, propose an
 * introduction, move it on the board, read the outbox and the statistics; the partner answers
 * from its e-mail; the contacts appear once both accepted.
 */

const MALI = "sg.diafounou@example.org";
const PARTNER = "ri.rosny@example.org";
const STAFF = "equipe@amm.example.org";
const PLANCHE_NAME = "Diafounou Diongaga";
const PARTNER_NAME = "Rosny-sous-Bois";

let smtp: TestSmtp | undefined;
let rt: TestRuntime | undefined;
let server: ReturnType<typeof serve> | undefined;
let browser: Browser | undefined;
let base = "";
let mali: Session | undefined;
let staff: Session | undefined;
let partner: Signed | undefined;
let plancheId = "";
let partnerId = "";

beforeAll(async () => {
  await ensureBuilt();
  browser = await launchChromium();
  smtp = await TestSmtp.start();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  rt = await startTestRuntime({
    demo: true,
    env: { SMTP_URL: smtp.url, PUBLIC_URL: base, OUTBOX_INTERVAL_SECONDS: "1" },
  });
  if (!serveWebApp(rt.app, WEB_DIST)) throw new Error(`${WEB_DIST} has no index.html after the build`);
  const app = rt.app;
  server = await new Promise<ReturnType<typeof serve>>((ok) => {
    const s = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => ok(s));
  });
}, 120_000);

afterAll(async () => {
  await mali?.context.close().catch(() => {});
  await staff?.context.close().catch(() => {});
  await browser?.close().catch(() => {});
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await rt?.close();
  await smtp?.stop();
});

/** Sign in as a person would: type the address, open the link from the mailbox, confirm. */
async function signInByLink(page: Page, email: string, startPath: string, landing: RegExp): Promise<void> {
  const before = smtp!.received.length;
  await page.goto(`${base}${startPath}`);
  await page.getByLabel("Votre adresse e-mail", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Recevoir le lien de connexion" }).click();
  await visible(page.getByText(`un lien vient d'être envoyé à ${email}`, { exact: false }));
  const mail = await smtp!.waitFor(
    (m) => m.to.includes(email) && /connexion/i.test(m.subject) && smtp!.received.indexOf(m) >= before,
  );
  await page.goto(smtp!.link(mail, "login"));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(landing);
}

/** A state-changing API call from the page's own session (cookie + CSRF token), as the app makes it. */
async function apiAs(
  page: Page,
  method: string,
  path: string,
  data?: unknown,
  headers: Record<string, string> = {},
) {
  const me = (await (await page.request.get(`${base}/api/me`)).json()) as { csrfToken: string };
  const res = await page.request.fetch(`${base}${path}`, {
    method,
    headers: { "x-csrf-token": me.csrfToken, ...headers },
    ...(data === undefined ? {} : { data }),
  });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}

/** The id of the element focused inside shadow roots. */
const deepActiveId = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.id ?? "";
  });

describe("Mon espace and the staff console (Chromium, real SMTP)", () => {
  it("(a) a Malian contact signs in by the e-mail link and finds the pending planche", async () => {
    mali = await open(browser!);
    const { page, errors } = mali;
    await page.goto(`${base}/mon-espace`);
    await visible(page.getByRole("heading", { level: 1, name: "Mon espace" }));
    await visible(page.getByRole("heading", { name: "Connectez-vous à votre espace" }));
    await axe(page, "mon espace (signed out)");
    await shoot(page, "my-space-signin");

    await signInByLink(page, MALI, "/mon-espace", /\/mon-espace$/);
    await visible(page.getByRole("heading", { level: 2, name: "Mes profils" }));
    await visible(page.getByText("Vous n'avez encore aucun profil."));
    await visible(page.getByRole("link", { name: "Mon espace" }));
    expect(await page.getByRole("link", { name: "Équipe AMM" }).count()).toBe(0);

    const created = await apiAs(
      page,
      "POST",
      "/api/profiles",
      plancheInput({ contact: { name: "Secrétaire général", email: MALI, phone: "+223 21 00 00 01" } }),
    );
    expect(created.status).toBe(201);
    plancheId = String(created.body.id);

    // The partner side: a French commune that fits this planche, signed in over HTTP.
    partner = await signIn(rt!, PARTNER);
    const p = await rt!.request(
      "/api/profiles",
      as(
        partner,
        "POST",
        partnerInput({
          collectivite: { refCode: "commune:93064", name: PARTNER_NAME, country: "FR", level: "commune" },
          themesSought: ["water", "health"],
          expertiseOffered: ["water", "health"],
          offerDescription: "Régie de l'eau et centre de santé : formations à distance, accueil d'agents.",
          preferredAreas: ["ML0107"],
          diaspora: [{ originCode: "ML010701", association: "Ressortissants de Diafounou à Rosny" }],
          modalities: ["remote", "diaspora"],
          contact: { name: "Service des relations internationales", email: PARTNER },
        }),
      ),
    );
    expect(p.status).toBe(201);
    partnerId = ((await p.json()) as { id: string }).id;

    await page.reload();
    const card = page.locator("article.profile").filter({ hasText: PLANCHE_NAME });
    await visible(card);
    await textOf(card.locator(".badge")).toBe("En relecture par l'AMM");
    await visible(card.getByRole("link", { name: `Modifier ${PLANCHE_NAME}` }));
    await axe(page, "mon espace (pending planche)");
    await shoot(page, "my-space-pending");
    expect(errors).toEqual([]);
  }, 60_000);

  it("(b) staff sign in, score the planche on four criteria and publish both profiles", async () => {
    await addStaff(rt!.deps.curation, STAFF);
    staff = await open(browser!);
    const { page, errors } = staff;
    await signInByLink(page, STAFF, "/equipe", /\/equipe\/relecture$/);
    await visible(page.getByRole("link", { name: "Équipe AMM" }));
    await visible(page.getByRole("heading", { level: 2, name: "Profils à relire" }));
    const item = page
      .locator("bap-staff-review article")
      .filter({ has: page.getByRole("heading", { level: 3, name: PLANCHE_NAME, exact: true }) });
    await visible(item);
    // The contact is there for staff, never on public pages.
    await visible(item.getByRole("link", { name: MALI }));
    await axe(page, "staff review");
    await shoot(page, "staff-review");

    // A partial score is refused before sending; then all four.
    await item.getByRole("group", { name: "Clarté" }).getByRole("radio", { name: "3" }).check();
    await item.getByRole("button", { name: `Publier ${PLANCHE_NAME}` }).click();
    await textOf(item.locator(".error")).toBe("Notez les quatre critères, ou aucun.");
    await item.getByRole("group", { name: "Lien avec le PDESC" }).getByRole("radio", { name: "2" }).check();
    await item.getByRole("group", { name: "Complétude" }).getByRole("radio", { name: "3" }).check();
    await item.getByRole("group", { name: "Contact vérifié" }).getByRole("radio", { name: "3" }).check();
    await textOf(item.locator(".total")).toBe("Total : 11 sur 12");
    await item.getByRole("button", { name: `Publier ${PLANCHE_NAME}` }).click();
    await visible(page.getByText(`${PLANCHE_NAME} est publié.`));

    const other = page
      .locator("bap-staff-review article")
      .filter({ has: page.getByRole("heading", { level: 3, name: PARTNER_NAME, exact: true }) });
    await other.getByRole("button", { name: `Publier ${PARTNER_NAME}` }).click();
    await visible(page.getByText(`${PARTNER_NAME} est publié.`));

    const reviews = await rt!.deps.curation.curation.reviews(plancheId);
    expect(reviews[0]?.quality).toEqual({ clarity: 3, pdescLink: 2, completeness: 3, contactChecked: 3 });
    await smtp!.waitFor((m) => m.to.includes(MALI) && /publié/i.test(m.subject));
    expect(errors).toEqual([]);
  }, 60_000);

  it("(b) staff propose the introduction from the suggestions, with a note", async () => {
    const { page, errors } = staff!;
    await page.getByRole("link", { name: "Suggestions" }).click();
    await page.waitForURL(/\/equipe\/suggestions$/);
    await visible(page.getByRole("heading", { level: 2, name: "Mises en relation suggérées" }));
    await visible(page.locator("bap-staff-suggestions article").first(), 30_000);
    await axe(page, "staff suggestions");
    await shoot(page, "staff-suggestions");

    await page.getByLabel("Filtrer par nom de collectivité").fill("diafounou rosny");
    await countOf(page.locator("bap-staff-suggestions article")).toBe(0);
    await page.getByLabel("Filtrer par nom de collectivité").fill("Rosny");
    const card = page.locator("bap-staff-suggestions article").filter({ hasText: PLANCHE_NAME });
    await visible(card);
    expect(await card.locator("ul.why li").count()).toBeGreaterThan(0);
    expect(await card.getByRole("link", { name: PARTNER_NAME }).getAttribute("href")).toBe(
      `/partenaire/${partnerId}`,
    );
    await card
      .getByLabel("Note pour les deux collectivités (facultative)")
      .fill("Deux communes engagées sur l'eau.");
    await card
      .getByRole("button", { name: `Proposer la mise en relation de ${PLANCHE_NAME} et ${PARTNER_NAME}` })
      .click();
    await visible(page.getByText(/Mise en relation de Diafounou Diongaga et Rosny-sous-Bois proposée/));
    await smtp!.waitFor((m) => m.to.includes(MALI) && /mise en relation/i.test(m.subject));
    await smtp!.waitFor((m) => m.to.includes(PARTNER) && /mise en relation/i.test(m.subject));
    expect(errors).toEqual([]);
  }, 90_000);

  it("one side accepts on the page, the other from the e-mail; then (c) the contact shows in Mon espace", async () => {
    const { page, errors } = mali!;
    await page.reload();
    const intro = page.locator("bap-intro-card").filter({ hasText: PARTNER_NAME });
    await visible(intro);
    await visible(intro.getByText("Deux communes engagées sur l'eau."));
    await visible(intro.getByText(/Les coordonnées de Rosny-sous-Bois apparaîtront ici/));

    // Decline asks first, in a modal dialog; cancelling changes nothing.
    await intro.getByRole("button", { name: "Décliner" }).click();
    const dialog = page.getByRole("dialog", { name: "Décliner cette mise en relation ?" });
    await visible(dialog);
    await axe(page, "mon espace (decline dialog)");
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(false);

    await intro.getByRole("button", { name: "Accepter" }).click();
    await visible(page.getByText(/Vous avez accepté\. Les coordonnées seront échangées/));

    // The partner answers from its mailbox (the server's confirmation page).
    const mail = await smtp!.waitFor((m) => m.to.includes(PARTNER) && /mise en relation/i.test(m.subject));
    const other = await open(browser!);
    try {
      await other.page.goto(smtp!.link(mail, "intro_accept"));
      await other.page.getByRole("button", { name: "J'accepte" }).click();
      await visible(other.page.getByRole("heading", { name: "C'est fait" }));
    } finally {
      await other.context.close();
    }
    // Each side gets its own copy, with both contacts and its own unsubscribe link.
    for (const to of [MALI, PARTNER]) {
      const joint = await smtp!.waitFor(
        (m) => m.to.length === 1 && m.to[0] === to && /acceptée/i.test(m.subject),
      );
      expect(joint.text).toContain(MALI);
      expect(joint.text).toContain(PARTNER);
    }

    await page.reload();
    const contact = page.locator("bap-intro-card").filter({ hasText: PARTNER_NAME }).locator(".contact");
    await visible(contact);
    await textOf(contact.getByRole("heading")).toBe(`Contact de ${PARTNER_NAME}`);
    await visible(contact.getByRole("link", { name: PARTNER }));
    await page.locator("bap-intro-card").filter({ hasText: PARTNER_NAME }).getByText("Historique").click();
    await visible(page.getByText(`${PLANCHE_NAME} accepte`));
    await axe(page, "mon espace (accepted)");
    await shoot(page, "my-space-accepted");
    expect(errors).toEqual([]);
  }, 60_000);

  it("(b) staff move the introduction on the board with the keyboard, then read outbox and statistics", async () => {
    const { page, errors } = staff!;
    await page.getByRole("link", { name: "Parcours" }).click();
    await page.waitForURL(/\/equipe\/parcours$/);
    const accepted = page
      .locator("section.column")
      .filter({ has: page.getByRole("heading", { name: /^Acceptée par les deux/ }) });
    const card = accepted.locator("article").filter({ hasText: PARTNER_NAME });
    await visible(card);
    await axe(page, "staff board");
    await shoot(page, "staff-board");

    const id = (await card.getAttribute("id")) ?? "";
    // No move is ever preselected: pressing the button without a choice moves nothing.
    await inputValueOf(card.getByLabel("Passer à l'étape")).toBe("");
    await card.getByRole("button", { name: /^Déplacer/ }).click();
    await visible(card.getByText("Choisissez d'abord l'étape."));
    await card.getByLabel("Passer à l'étape").focus();
    await card.getByLabel("Passer à l'étape").selectOption("first_meeting");
    await card.getByLabel("Note (facultative)").fill("Visioconférence le 12 mars");
    await card.getByLabel("Note (facultative)").press("Enter");
    const meeting = page
      .locator("section.column")
      .filter({ has: page.getByRole("heading", { name: /^Première rencontre/ }) });
    await visible(meeting.locator("article").filter({ hasText: PARTNER_NAME }));
    await countOf(accepted.locator("article").filter({ hasText: PARTNER_NAME })).toBe(0);
    await expect.poll(() => deepActiveId(page), WAIT).toBe(id);
    const events = await rt!.deps.curation.curation.introductionEvents(id.replace(/^card-/, ""));
    expect(events.at(-1)).toMatchObject({ toPhase: "first_meeting", note: "Visioconférence le 12 mars" });

    // A closing move asks for confirmation on the card; cancelling leaves it where it was.
    const inMeeting = meeting.locator("article").filter({ hasText: PARTNER_NAME });
    await inMeeting.getByLabel("Passer à l'étape").selectOption("abandoned");
    await inMeeting.getByRole("button", { name: /^Déplacer/ }).click();
    await visible(inMeeting.getByText(/C'est définitif/));
    await shoot(page, "staff-board-confirm-close");
    await inMeeting.getByRole("button", { name: "Annuler" }).click();
    await countOf(inMeeting.getByText(/C'est définitif/)).toBe(0);
    const stillOpen = await rt!.deps.curation.curation.introduction(id.replace(/^card-/, ""));
    expect(stillOpen?.phase).toBe("first_meeting");

    await page.getByRole("link", { name: "Courriels" }).click();
    await page.waitForURL(/\/equipe\/courriels$/);
    await visible(page.getByRole("table"));
    const sent = Number((await page.locator(".counts .sent dd").textContent())?.replace(/\D/g, ""));
    expect(sent).toBeGreaterThan(3);
    await visible(page.getByRole("row").filter({ hasText: "Mise en relation acceptée" }));
    await axe(page, "staff outbox");
    await shoot(page, "staff-outbox");

    await page.getByRole("link", { name: "Statistiques" }).click();
    await page.waitForURL(/\/equipe\/statistiques$/);
    const map = page.locator("svg.map");
    await visible(map);
    await countOf(map.locator("circle.bubble")).toBe(9);
    await textOf(map.locator("title")).toBe("Planches publiées par région");
    expect(await map.locator("text.map-label").count()).toBe(9);
    await visible(page.getByRole("img", { name: /Besoins et offres par secteur/ }));
    await textOf(page.locator("figure[aria-labelledby='coverage-t'] > p").last()).toMatch(
      /^\d+\s% des planches publiées ont au moins une mise en relation \(\d+ sur \d+\)\.$/,
    );
    await page
      .locator("figure")
      .filter({ hasText: "Planches publiées par région" })
      .getByText("Données du graphique")
      .click();
    await visible(page.getByRole("rowheader", { name: "Kayes", exact: true }));
    await axe(page, "staff statistics");
    await shoot(page, "staff-stats");

    // The console speaks English too, charts included.
    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { level: 2, name: "Statistics" }));
    await textOf(page.locator("svg.map title")).toBe("Published planches by région");
    await visible(page.getByRole("link", { name: "Pipeline" }));
    await page.getByRole("button", { name: "Français" }).click();
    await visible(page.getByRole("heading", { level: 2, name: "Statistiques" }));
    expect(errors).toEqual([]);
  }, 90_000);

  it("a partner expresses interest in a planche; staff see it and dismiss it", async () => {
    const s = await open(browser!);
    try {
      const [name, value] = partner!.cookie.split("=") as [string, string];
      await s.context.addCookies([{ name, value, url: base }]);
      await s.page.goto(`${base}/mon-espace`);
      await visible(s.page.getByRole("heading", { level: 2, name: "Mes profils" }));
      await s.page.goto(`${base}/planche/demo-mali-kayes-commune-2`);
      await s.page.getByRole("button", { name: "Exprimer un intérêt" }).click();
      const form = s.page.locator("bap-interest-form");
      await visible(form.getByRole("heading", { name: "Exprimer un intérêt pour Kayes Commune" }));
      await form.getByRole("button", { name: "Envoyer à l'AMM" }).click();
      await textOf(form.locator("#f-cooperation-err")).toBe("Au moins 10 caractères.");
      await form
        .getByLabel(/Quelle coopération envisagez-vous/)
        .fill("Gestion des déchets avec notre régie.");
      await form
        .getByLabel(/Qui êtes-vous/)
        .fill("Ville de Seine-Saint-Denis, service des relations internationales.");
      await axe(s.page, "interest form");
      await shoot(s.page, "interest-form");
      await form.getByRole("button", { name: "Envoyer à l'AMM" }).click();
      await visible(form.getByText(/votre intérêt est transmis à l'AMM/));
      expect(s.errors).toEqual([]);
    } finally {
      await s.context.close();
    }

    const { page, errors } = staff!;
    await page.getByRole("link", { name: "Intérêts" }).click();
    await page.waitForURL(/\/equipe\/interets$/);
    const item = page.locator("bap-staff-interests article").filter({ hasText: "Kayes Commune" });
    await visible(item);
    await visible(item.getByText("Gestion des déchets avec notre régie."));
    await axe(page, "staff interests");
    await shoot(page, "staff-interests");
    await item.getByRole("button", { name: "Écarter" }).click();
    await visible(page.getByText("Expression d'intérêt écartée."));
    expect(errors).toEqual([]);
  }, 60_000);

  it("edits the planche from Mon espace; a concurrent save is reported, then the current version is loaded", async () => {
    const { page, errors } = mali!;
    page.on("dialog", (d) => void d.accept());
    await page.goto(`${base}/mon-espace`);
    await page.getByRole("link", { name: `Modifier ${PLANCHE_NAME}` }).click();
    await page.waitForURL(/\/mon-espace\/modifier\//);
    await visible(page.getByRole("heading", { level: 1, name: `Modifier : ${PLANCHE_NAME}` }));
    const presentation = page.getByLabel("Présentation de la collectivité");
    await expect
      .poll(() => presentation.inputValue(), WAIT)
      .toContain("Commune rurale du cercle de Yélimané");
    await presentation.fill("Commune rurale du cercle de Yélimané, forte diaspora en Île-de-France.");

    // Someone else saves the profile meanwhile (same owner, another tab).
    const current = await apiAs(page, "GET", `/api/profiles/${plancheId}/private`);
    const {
      id: _i,
      status: _s,
      version,
      createdAt: _c,
      updatedAt: _u,
      publishedAt: _p,
      expiresAt: _e,
      ownerId: _o,
      ...content
    } = current.body;
    const put = await apiAs(
      page,
      "PUT",
      `/api/profiles/${plancheId}`,
      { ...content, assets: "Une radio communale." },
      {
        "if-match": `"${version}"`,
      },
    );
    expect(put.status).toBe(200);

    await page.getByRole("button", { name: /Aperçu et envoi/ }).click();
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    const conflict = page.locator("#conflict");
    await visible(conflict);
    await shoot(page, "edit-conflict");
    await conflict.getByRole("button", { name: "Charger la version actuelle" }).click();
    await page.getByRole("button", { name: /Votre collectivité/ }).click();
    await expect
      .poll(() => presentation.inputValue(), WAIT)
      .toBe("Commune rurale du cercle de Yélimané, agriculture et élevage.");
    await presentation.fill("Commune rurale du cercle de Yélimané, forte diaspora en Île-de-France.");
    await page.getByRole("button", { name: /Aperçu et envoi/ }).click();
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await visible(page.getByRole("heading", { name: "Modifications enregistrées" }));
    const saved = await apiAs(page, "GET", `/api/profiles/${plancheId}/private`);
    expect(saved.body.presentation).toBe(
      "Commune rurale du cercle de Yélimané, forte diaspora en Île-de-France.",
    );
    expect(saved.body.assets).toBe("Une radio communale.");
    expect(errors).toEqual([]);
  }, 60_000);
});
