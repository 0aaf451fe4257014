import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyPartnerDraft, partnerDraftToInput } from "../../web/src/lib/partner-draft.js";
import type { FrenchCollectivite, MaliUnit } from "../../src/core/schemas/reference.js";
import { as, type Signed, signIn } from "../helpers/auth.js";
import { plancheInput } from "../helpers/fixtures.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

/**
 * Ties of the 2008 directory, one for each kind of French collectivité. Each partner is
 * created exactly as the web form creates it (its reference entry from the look-up API,
 * turned into a body by the form's own code), so that the code path is the user's.
 */
const TIES = [
  { kind: "commune", q: "Alençon", french: "commune:61001", malian: "ML030416" },
  { kind: "epci", q: "Grand Paris Sud", french: "epci:200059228", malian: "ML010312" },
  { kind: "departement", q: "Essonne", french: "departement:91", malian: "ML0504" },
  { kind: "region", q: "Normandie", french: "region:28", malian: "ML02" },
] as const;

let rt: TestRuntime;
let staff: Signed;
let contact: Signed;

const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await res).json() as Promise<T>;

async function createdId(res: Response): Promise<string> {
  const body = await res.text();
  expect(res.status, body).toBe(201);
  return (JSON.parse(body) as { id: string }).id;
}

async function planche(pcode: string, email: string): Promise<string> {
  const unit = await json<MaliUnit>(rt.request(`/api/reference/mali/${pcode}`));
  return createdId(
    await rt.request(
      "/api/profiles",
      as(
        staff,
        "POST",
        plancheInput({
          collectivite: { refCode: unit.code, name: unit.name, country: "ML", level: unit.level },
          contact: { name: "SG", email },
        }),
      ),
    ),
  );
}

/** The partner form's body for a French reference entry found by the autocomplete. */
async function partnerFromForm(kind: string, q: string, code: string, who: Signed): Promise<string> {
  const { items } = await json<{ items: FrenchCollectivite[] }>(
    rt.request(`/api/reference/france?q=${encodeURIComponent(q)}&level=${kind}&limit=50`),
  );
  const reference = items.find((c) => c.code === code);
  expect(reference, `${code} in the look-up for ${q}`).toBeDefined();
  const body = partnerDraftToInput({
    ...emptyPartnerDraft(),
    reference: reference ?? null,
    themesSought: ["water", "health"],
    expertiseOffered: ["water"],
    contact: { name: "RI", role: "", email: `ri.${kind}@example.org`, phone: "", language: "fr" },
  });
  return createdId(await rt.request("/api/profiles", as(who, "POST", body)));
}

const matchIds = async (id: string) =>
  (
    await json<{ matches: { profile: { id: string } }[] }>(
      rt.request(`/api/profiles/${id}/matches?limit=100`),
    )
  ).matches.map((m) => m.profile.id);

async function expectExcluded(maliId: string, partnerId: string) {
  expect(await matchIds(maliId)).not.toContain(partnerId);
  expect(await matchIds(partnerId)).not.toContain(maliId);
  for (const [a, b] of [
    [maliId, partnerId],
    [partnerId, maliId],
  ]) {
    const why = await json<{ excluded: string | null; rank: number | null; score: number }>(
      rt.request(`/api/profiles/${a}/matches/${b}`),
    );
    expect(why).toMatchObject({ excluded: "partnered", rank: null, score: 0 });
  }
  const suggestions = await json<{ items: { maliId: string; partnerId: string }[] }>(
    rt.request("/api/staff/suggestions?limit=200", { headers: staff.headers }),
  );
  expect(suggestions.items.some((s) => s.maliId === maliId && s.partnerId === partnerId)).toBe(false);
}

beforeAll(async () => {
  rt = await startTestRuntime();
  staff = await signIn(rt, "staff.ties@example.org", "staff");
  contact = await signIn(rt, "ri.contact.ties@example.org");
});
afterAll(async () => {
  await rt?.close();
});

describe("existing ties exclude, whatever the kind of collectivité", () => {
  for (const tie of TIES) {
    it(`the ${tie.kind} tied in 2008 (${tie.french} – ${tie.malian}) is never proposed`, async () => {
      const maliId = await planche(tie.malian, `sg.${tie.kind}@example.org`);
      const partnerId = await partnerFromForm(tie.kind, tie.q, tie.french, staff);
      await expectExcluded(maliId, partnerId);
    });
  }

  it("hand entries abroad exclude by name, from either side's list of partners", async () => {
    const maliId = await planche("ML010701", "sg.hand@example.org");
    const mali = await json<{ collectivite: { name: string }; version: number }>(
      rt.request(`/api/profiles/${maliId}`),
    );
    const liege = (currentTies: string[]) =>
      rt.request(
        "/api/profiles",
        as(staff, "POST", {
          ...partnerDraftToInput({
            ...emptyPartnerDraft(),
            country: "BE",
            mode: "manual",
            manual: {
              name: "Ville de Liège",
              level: "commune",
              population: "195000",
              regionName: "Wallonie",
            },
            themesSought: ["water"],
            currentTies: currentTies.join("\n"),
            contact: { name: "RI", role: "", email: "ri.liege@example.org", phone: "", language: "fr" },
          }),
        }),
      );
    const partnerId = await createdId(await liege([mali.collectivite.name]));
    await expectExcluded(maliId, partnerId);

    // The other way round: the planche names its partner.
    const other = await planche("ML010702", "sg.hand2@example.org");
    const otherPartner = await createdId(await liege([]));
    expect(await matchIds(other)).toContain(otherPartner);
    const full = await json<Record<string, unknown> & { version: number }>(
      rt.request(`/api/profiles/${other}/private`, { headers: staff.headers }),
    );
    const {
      id: _i,
      status: _s,
      version,
      createdAt: _c,
      updatedAt: _u,
      publishedAt: _p,
      expiresAt: _e,
      ownerId: _o,
      ...input
    } = full;
    const put = await rt.request(
      `/api/profiles/${other}`,
      as(staff, "PUT", { ...input, currentPartners: ["Ville de Liège"] }, { "if-match": `"${version}"` }),
    );
    expect(put.status, await put.clone().text()).toBe(200);
    await expectExcluded(other, otherPartner);
  });

  it("sends no match alert for a tied pair, and does for an untied one", async () => {
    const maliId = await planche("ML0504", "sg.alert@example.org");
    const alerts = await rt.request(
      `/api/profiles/${maliId}/alerts`,
      as(staff, "PUT", { mode: "instant", threshold: 0 }),
    );
    expect(alerts.status).toBe(200);
    const alertsTo = async () =>
      (await rt.deps.curation.outbox.list({ limit: 500, offset: 0 })).items.filter(
        (m) => m.kind === "match_alert" && m.to.includes("sg.alert@example.org"),
      ).length;
    const approve = async (id: string) => {
      const res = await rt.request(`/api/staff/profiles/${id}/approve`, as(staff, "POST", {}));
      expect(res.status, await res.clone().text()).toBe(200);
    };
    // Essonne, tied to the Cercle de Douentza, submitted by a contact and approved by staff.
    await approve(await partnerFromForm("departement", "Essonne", "departement:91", contact));
    expect(await alertsTo()).toBe(0);
    await approve(await partnerFromForm("departement", "Yonne", "departement:89", contact));
    expect(await alertsTo()).toBe(1);
  });
});
