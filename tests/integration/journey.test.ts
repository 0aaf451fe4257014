import type { ServerType } from "@hono/node-server";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/adapters/meilisearch/local-server.js";
import { addStaff } from "../../src/core/services/auth.js";
import { partnerInput, plancheInput } from "../helpers/fixtures.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";
import { TestSmtp } from "../helpers/smtp.js";

/**
 * The whole journey over HTTP against the running server, with e-mails delivered to a real
 * SMTP server in the test process: sign-in by link, planche, review, alert, introduction,
 * double opt-in, joint e-mail, phases.
 */
let smtp: TestSmtp;
let rt: TestRuntime;
let server: ServerType;
let base: string;

beforeAll(async () => {
  smtp = await TestSmtp.start();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  rt = await startTestRuntime({
    env: { SMTP_URL: smtp.url, PUBLIC_URL: base, OUTBOX_INTERVAL_SECONDS: "1" },
  });
  server = serve({ fetch: rt.app.fetch, port, hostname: "127.0.0.1" });
});

afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await rt?.close();
  await smtp?.stop();
});

class Browser {
  cookie = "";
  csrf = "";
  constructor(readonly email: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    if (this.csrf && init.method && init.method !== "GET") headers.set("x-csrf-token", this.csrf);
    if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
    const res = await fetch(path.startsWith("http") ? path : `${base}${path}`, {
      ...init,
      headers,
      redirect: "manual",
    });
    const set = res.headers.get("set-cookie");
    const m = set ? /bap_session=[^;]+/.exec(set) : null;
    if (m) this.cookie = m[0];
    return res;
  }

  json(path: string, method: string, body?: unknown) {
    return this.fetch(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  /** The real sign-in: ask for a link, open it from the mailbox, confirm. */
  async signIn(): Promise<void> {
    const sentBefore = smtp.received.length;
    expect((await this.json("/api/auth/login", "POST", { email: this.email })).status).toBe(202);
    const mail = await smtp.waitFor(
      (m) =>
        m.to.includes(this.email) && /connexion/i.test(m.subject) && smtp.received.indexOf(m) >= sentBefore,
    );
    const link = smtp.link(mail, "login");
    const page = await this.fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<form");
    const confirm = await this.fetch(link, { method: "POST" });
    expect(confirm.status).toBe(303);
    const me = (await (await this.fetch("/api/me")).json()) as { csrfToken: string; user: { email: string } };
    expect(me.user.email).toBe(this.email);
    this.csrf = me.csrfToken;
  }
}

describe("the whole journey over HTTP, with real e-mail", () => {
  const mali = new Browser("sg.kayes@example.org");
  const partner = new Browser("ri.montreuil@example.org");
  const staff = new Browser("staff@amm.example.org");
  let plancheId = "";
  let partnerId = "";
  let introId = "";

  it("signs in by link and creates profiles that wait for review", async () => {
    await addStaff(rt.deps.curation, staff.email);
    await Promise.all([mali.signIn(), partner.signIn(), staff.signIn()]);

    const p = await partner.json(
      "/api/profiles",
      "POST",
      partnerInput({ contact: { name: "Service RI Montreuil", email: partner.email } }),
    );
    expect(p.status).toBe(201);
    partnerId = ((await p.json()) as { id: string; status: string }).id;
    expect((await staff.json(`/api/staff/profiles/${partnerId}/approve`, "POST", {})).status).toBe(200);
    const alerts = await partner.json(`/api/profiles/${partnerId}/alerts`, "PUT", {
      mode: "instant",
      threshold: 0.3,
    });
    expect(alerts.status).toBe(200);

    const res = await mali.json(
      "/api/profiles",
      "POST",
      plancheInput({
        contact: { name: "Secrétaire général de Diafounou", email: mali.email, phone: "+223 21 00 00 01" },
      }),
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; status: string };
    plancheId = created.id;
    expect(created.status).toBe("pending_review");
    // Not public until approved.
    expect((await fetch(`${base}/api/profiles/${plancheId}`)).status).toBe(401);
  });

  it("lets staff review and approve with a quality score; the partner's alert fires", async () => {
    const queue = (await (await staff.fetch("/api/staff/review-queue")).json()) as {
      items: { profile: { id: string } }[];
    };
    expect(queue.items.map((i) => i.profile.id)).toContain(plancheId);
    const ok = await staff.json(`/api/staff/profiles/${plancheId}/approve`, "POST", {
      quality: { clarity: 3, pdescLink: 2, completeness: 3, contactChecked: 3 },
    });
    expect(ok.status).toBe(200);
    const notice = await smtp.waitFor((m) => m.to.includes(mali.email) && /publié/.test(m.subject));
    expect(notice.subject).toContain("Diafounou Diongaga");
    expect(notice.text).toMatch(/\d{4}-\d{2}-\d{2}/);
    const alert = await smtp.waitFor(
      (m) => m.to.includes(partner.email) && /correspondance/i.test(m.subject),
    );
    expect(alert.text).toContain("Diafounou Diongaga");
    expect(alert.text).not.toContain(mali.email);
    expect(alert.html).not.toMatch(/<img|https?:\/\/(?!127\.0\.0\.1)/);
    expect(alert.rawHeaders).toMatch(/^List-Unsubscribe: <http[^>]+\/t\/unsubscribe\/[^>]+>$/m);
    expect(alert.rawHeaders).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  });

  it("proposes an introduction; both accept through their e-mail links; each side's e-mail reveals both contacts", async () => {
    const sugg = (await (await staff.fetch("/api/staff/suggestions?limit=200")).json()) as {
      items: { maliId: string; partnerId: string; explanation: string[] }[];
    };
    const s = sugg.items.find((x) => x.maliId === plancheId && x.partnerId === partnerId);
    expect(s?.explanation.length).toBeGreaterThan(0);

    const proposed = await staff.json("/api/staff/introductions", "POST", {
      maliId: plancheId,
      partnerId,
      note: "Deux collectivités engagées sur l'eau potable.",
    });
    expect(proposed.status).toBe(201);
    introId = ((await proposed.json()) as { id: string }).id;

    const toMali = await smtp.waitFor(
      (m) => m.to.includes(mali.email) && /mise en relation/i.test(m.subject),
    );
    const toPartner = await smtp.waitFor(
      (m) => m.to.includes(partner.email) && /mise en relation/i.test(m.subject),
    );
    expect(toMali.text).toContain("Montreuil");
    expect(toMali.text).toContain("eau potable");
    // Before both accept, nobody sees the other's contact.
    expect(toMali.text).not.toContain(partner.email);
    expect(toPartner.text).not.toContain(mali.email);
    expect(toPartner.text).not.toContain("+223 21 00 00 01");

    const acceptMali = smtp.link(toMali, "intro_accept");
    expect((await fetch(acceptMali, { method: "POST" })).status).toBe(200);
    const accepted = (m: { subject: string }) => /acceptée|accepted/i.test(m.subject);
    expect(smtp.received.some(accepted)).toBe(false);
    const acceptPartner = smtp.link(toPartner, "intro_accept");
    expect((await fetch(acceptPartner, { method: "POST" })).status).toBe(200);

    const jointTo = (email: string) =>
      smtp.waitFor((m) => accepted(m) && m.to.length === 1 && m.to[0] === email);
    const [jointMali, jointPartner] = [await jointTo(mali.email), await jointTo(partner.email)];
    for (const joint of [jointMali, jointPartner]) {
      expect(joint.text).toContain(mali.email);
      expect(joint.text).toContain(partner.email);
      expect(joint.text).toContain("+223 21 00 00 01");
    }
  });

  it("gives each recipient of the accepted introduction an unsubscribe link of their own", async () => {
    expect(
      (await mali.json(`/api/profiles/${plancheId}/alerts`, "PUT", { mode: "weekly", threshold: 0.3 }))
        .status,
    ).toBe(200);
    const accepted = (email: string) =>
      smtp.received.find((m) => /acceptée|accepted/i.test(m.subject) && m.to[0] === email);
    const forPartner = smtp.link(accepted(partner.email)!, "unsubscribe");
    const forMali = smtp.link(accepted(mali.email)!, "unsubscribe");
    expect(forPartner).not.toBe(forMali);
    const page = await (await fetch(forPartner)).text();
    expect(page).toContain(partner.email);
    expect(page).not.toContain(mali.email);
    expect((await fetch(forPartner, { method: "POST" })).status).toBe(200);
    expect((await rt.deps.curation.curation.alertSettings(partnerId))?.mode).toBe("off");
    // The commune that did not click keeps its alerts.
    expect((await rt.deps.curation.curation.alertSettings(plancheId))?.mode).toBe("weekly");
  });

  it("refuses a used link, and the other button of the same e-mail", async () => {
    const toMali = smtp.received.find(
      (m) => m.to.includes(mali.email) && /mise en relation/i.test(m.subject) && !/acceptée/i.test(m.subject),
    )!;
    const acceptMali = smtp.link(toMali, "intro_accept");

    // A used link cannot be used again, nor the other button of the same e-mail.
    expect((await fetch(acceptMali, { method: "POST" })).status).toBe(410);
    expect((await fetch(smtp.link(toMali, "intro_decline"), { method: "POST" })).status).toBe(410);
  });

  it("follows the Guide's phases, each change dated with who made it", async () => {
    for (const phase of ["first_meeting", "convention_signed"]) {
      const res = await staff.json(`/api/staff/introductions/${introId}/phase`, "POST", {
        phase,
        note: `vers ${phase}`,
      });
      expect(res.status).toBe(200);
    }
    const bad = await staff.json(`/api/staff/introductions/${introId}/phase`, "POST", { phase: "proposed" });
    expect(bad.status).toBe(400);
    const intro = (await (await mali.fetch(`/api/introductions/${introId}`)).json()) as {
      phase: string;
      contacts: { partner: { email: string } } | null;
      events: { toPhase: string; actor: string; at: string }[];
    };
    expect(intro.phase).toBe("convention_signed");
    const mine = (await (await mali.fetch("/api/me/introductions")).json()) as {
      items: { id: string; contacts: { partner: { email: string } } | null }[];
    };
    expect(mine.items.find((i) => i.id === introId)?.contacts?.partner.email).toBe(partner.email);
    expect(intro.contacts?.partner.email).toBe(partner.email);
    expect(intro.events.map((e) => e.toPhase)).toEqual([
      "proposed",
      "proposed",
      "accepted",
      "first_meeting",
      "convention_signed",
    ]);
    for (const e of intro.events) expect(Date.parse(e.at)).not.toBeNaN();
    const audit = (await (await staff.fetch("/api/staff/audit")).json()) as { items: { action: string }[] };
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(["profile.approve", "introduction.propose", "introduction.phase"]),
    );
    // The accepted pair no longer shows among the partner's matches.
    const matches = (await (await fetch(`${base}/api/profiles/${partnerId}/matches?limit=100`)).json()) as {
      matches: { profile: { id: string } }[];
    };
    expect(matches.matches.map((m) => m.profile.id)).not.toContain(plancheId);
  });

  it("unsubscribes in one click, without signing in", async () => {
    const alert = await smtp.waitFor(
      (m) => m.to.includes(partner.email) && /correspondance/i.test(m.subject),
    );
    const link = smtp.link(alert, "unsubscribe");
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(link, { method: "POST" })).status).toBe(200);
    const settings = (await (await partner.fetch(`/api/profiles/${partnerId}/alerts`)).json()) as {
      mode: string;
    };
    expect(settings.mode).toBe("off");
  });

  it("sends every message once, in text and HTML", async () => {
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of smtp.received) {
      expect(m.text.length).toBeGreaterThan(20);
      expect(m.html).toContain("<html");
    }
    const outbox = (await (await staff.fetch("/api/staff/outbox?status=pending")).json()) as {
      total: number;
    };
    expect(outbox.total).toBe(0);
  });
});
