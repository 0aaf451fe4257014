import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "../../src/core/services/jobs.js";
import { as, type Signed, signIn } from "../helpers/auth.js";
import { partnerInput, plancheInput } from "../helpers/fixtures.js";
import { startTestRuntime, TestClock, type TestRuntime } from "../helpers/runtime.js";

/** Time-driven work, with a clock the test moves: each action happens once. */
const DAY = 24 * 3600 * 1000;
let rt: TestRuntime;
let clock: TestClock;
let staff: Signed;
let mali: Signed;
let partner: Signed;
const ids = { planche: "", partner: "", other: "", intro: "", intro2: "" };

const kinds = async () =>
  (await rt.deps.curation.outbox.list({ limit: 500, offset: 0 })).items.map((m) => m.kind);
const count = async (kind: string) => (await kinds()).filter((k) => k === kind).length;

beforeAll(async () => {
  clock = new TestClock(new Date("2026-03-01T08:00:00Z"));
  rt = await startTestRuntime({ clock });
  staff = await signIn(rt, "staff.jobs@example.org", "staff");
  mali = await signIn(rt, "mali.jobs@example.org");
  partner = await signIn(rt, "partner.jobs@example.org");
  const make = async (who: Signed, body: unknown) =>
    ((await (await rt.request("/api/profiles", as(who, "POST", body))).json()) as { id: string }).id;
  ids.planche = await make(mali, plancheInput({ contact: { name: "SG", email: mali.email } }));
  ids.partner = await make(partner, partnerInput({ contact: { name: "RI", email: partner.email } }));
  ids.other = await make(
    partner,
    partnerInput({
      collectivite: { name: "Ville de Liège", country: "BE", level: "commune" },
      contact: { name: "RI", email: partner.email },
    }),
  );
  for (const id of [ids.planche, ids.partner, ids.other]) {
    expect((await rt.request(`/api/staff/profiles/${id}/approve`, as(staff, "POST", {}))).status).toBe(200);
  }
  const propose = async (partnerId: string) =>
    (
      (await (
        await rt.request("/api/staff/introductions", as(staff, "POST", { maliId: ids.planche, partnerId }))
      ).json()) as { id: string }
    ).id;
  ids.intro = await propose(ids.partner);
  ids.intro2 = await propose(ids.other);
  // Both accept the first one from the web page.
  for (const who of [mali, partner]) {
    const res = await rt.request(
      `/api/introductions/${ids.intro}/respond`,
      as(who, "POST", { decision: "accept" }),
    );
    expect(res.status).toBe(200);
  }
});
afterAll(async () => {
  await rt?.close();
});

describe("scheduled jobs", () => {
  it("reminds at 7 days, once, only the sides that have not answered", async () => {
    clock.advance(6 * DAY);
    await runDueJobs(rt.deps.curation);
    expect(await count("introduction_reminder")).toBe(0);
    clock.advance(1 * DAY + 60_000);
    await runDueJobs(rt.deps.curation);
    await runDueJobs(rt.deps.curation);
    expect(await count("introduction_reminder")).toBe(2);
  });

  it("expires an unanswered introduction at 14 days", async () => {
    clock.advance(7 * DAY);
    await runDueJobs(rt.deps.curation);
    const intro = await rt.deps.curation.curation.introduction(ids.intro2);
    expect(intro?.phase).toBe("expired");
    const accepted = await rt.deps.curation.curation.introduction(ids.intro);
    expect(accepted?.phase).toBe("accepted");
  });

  it("asks both sides how it went at 3 and 6 months, once each, and stores the one-click answer", async () => {
    clock.advance(80 * DAY);
    await runDueJobs(rt.deps.curation);
    await runDueJobs(rt.deps.curation);
    expect(await count("follow_up")).toBe(2);
    const msg = (await rt.deps.curation.outbox.list({ limit: 500, offset: 0 })).items.find(
      (m) => m.kind === "follow_up" && m.to.includes(mali.email),
    );
    const tokens = [...(msg?.text ?? "").matchAll(/\/t\/feedback\/([A-Za-z0-9_.-]+)/g)].map((m) => m[1]);
    expect(tokens).toHaveLength(5);
    expect((await rt.request(`/api/tokens/feedback/${tokens[3]}`, { method: "POST" })).status).toBe(200);
    expect((await rt.request(`/api/tokens/feedback/${tokens[0]}`, { method: "POST" })).status).toBe(410);
    const stored = await rt.deps.curation.curation.feedbackFor(ids.intro);
    expect(stored).toEqual([expect.objectContaining({ side: "mali", months: 3, level: 4 })]);
    clock.advance(95 * DAY);
    await runDueJobs(rt.deps.curation);
    expect(await count("follow_up")).toBe(4);
  });

  it("warns a month before a profile expires, renews in one click, and archives at expiry", async () => {
    // Published 2026-03-01: expires 2027-03-01. Now is about 2026-09-15.
    clock.current = new Date("2027-02-05T08:00:00Z");
    await runDueJobs(rt.deps.curation);
    await runDueJobs(rt.deps.curation);
    const notices = (await rt.deps.curation.outbox.list({ limit: 500, offset: 0 })).items.filter(
      (m) => m.kind === "profile_expiring",
    );
    expect(notices).toHaveLength(3);
    const toMali = notices.find((m) => m.to.includes(mali.email));
    const renew = /\/t\/renew\/([A-Za-z0-9_.-]+)/.exec(toMali?.text ?? "")?.[1];
    expect((await rt.request(`/api/tokens/renew/${renew}`, { method: "POST" })).status).toBe(200);
    const renewed = await rt.deps.curation.store.get(ids.planche);
    expect(renewed?.expiresAt?.slice(0, 4)).toBe("2028");

    clock.current = new Date("2027-03-02T08:00:00Z");
    await runDueJobs(rt.deps.curation);
    expect((await rt.deps.curation.store.get(ids.partner))?.status).toBe("archived");
    expect((await rt.deps.curation.store.get(ids.planche))?.status).toBe("published");
  });

  it("sends a weekly digest of new matches, once a week", async () => {
    // A year went by: sessions (30 days) have expired, so everyone signs in again.
    expect(await (await rt.request("/api/me", { headers: mali.headers })).json()).toMatchObject({
      user: null,
    });
    mali = await signIn(rt, mali.email);
    partner = await signIn(rt, partner.email);
    staff = await signIn(rt, staff.email);
    expect(
      (
        await rt.request(
          `/api/profiles/${ids.planche}/alerts`,
          as(mali, "PUT", { mode: "weekly", threshold: 0.1 }),
        )
      ).status,
    ).toBe(200);
    const viaReview = await rt.request(
      "/api/profiles",
      as(
        partner,
        "POST",
        partnerInput({
          collectivite: { name: "Ville de Mons", country: "BE", level: "commune" },
          contact: { name: "RI", email: partner.email },
        }),
      ),
    );
    const pending = (await viaReview.json()) as { id: string };
    expect(
      (await rt.request(`/api/staff/profiles/${pending.id}/approve`, as(staff, "POST", {}))).status,
    ).toBe(200);
    expect(await count("match_digest")).toBe(0);
    await runDueJobs(rt.deps.curation);
    expect(await count("match_digest")).toBe(1);
    await runDueJobs(rt.deps.curation);
    expect(await count("match_digest")).toBe(1);
    const digest = (await rt.deps.curation.outbox.list({ limit: 500, offset: 0 })).items.find(
      (m) => m.kind === "match_digest",
    );
    expect(digest?.text).toMatch(/ville de mons/i);
  });
});
