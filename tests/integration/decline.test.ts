import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, lastLink, type Signed, signIn } from "../helpers/auth.js";
import { partnerInput, plancheInput } from "../helpers/fixtures.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

let rt: TestRuntime;
let staff: Signed;
const ids = { planche: "", partner: "" };

beforeAll(async () => {
  rt = await startTestRuntime();
  staff = await signIn(rt, "staff.decline@example.org", "staff");
  const make = async (body: unknown) =>
    ((await (await rt.request("/api/profiles", as(staff, "POST", body))).json()) as { id: string }).id;
  ids.planche = await make(plancheInput({ contact: { name: "SG", email: "sg.decline@example.org" } }));
  ids.partner = await make(
    partnerInput({ contact: { name: "RI", email: "ri.decline@example.org", language: "en" } }),
  );
});
afterAll(async () => {
  await rt?.close();
});

describe("a declined introduction", () => {
  it("is final for the pair and removes it from rankings", async () => {
    const before = (await (await rt.request(`/api/profiles/${ids.planche}/matches?limit=50`)).json()) as {
      matches: { profile: { id: string } }[];
    };
    expect(before.matches.map((m) => m.profile.id)).toContain(ids.partner);

    const res = await rt.request(
      "/api/staff/introductions",
      as(staff, "POST", { maliId: ids.planche, partnerId: ids.partner }),
    );
    expect(res.status).toBe(201);
    // The partner's contact reads English: its invitation is in English.
    const page = await rt.deps.curation.outbox.list({ limit: 50, offset: 0 });
    const toPartner = page.items.find(
      (m) => m.kind === "introduction" && m.to.includes("ri.decline@example.org"),
    );
    expect(toPartner?.subject).toMatch(/^Suggested introduction/);
    const decline = await lastLink(rt, "ri.decline@example.org", "introduction", "intro_decline");
    const confirm = await rt.request(`/t/intro_decline/${decline}`);
    expect(await confirm.text()).toContain("decline");
    expect((await rt.request(`/t/intro_decline/${decline}`, { method: "POST" })).status).toBe(200);
    await rt.deps.deliverMail();
    const notice = (await rt.deps.curation.outbox.list({ limit: 50, offset: 0 })).items.find(
      (m) => m.kind === "introduction_declined",
    );
    expect(notice?.to).toEqual(["sg.decline@example.org"]);

    const after = (await (await rt.request(`/api/profiles/${ids.planche}/matches?limit=50`)).json()) as {
      matches: { profile: { id: string } }[];
    };
    expect(after.matches.map((m) => m.profile.id)).not.toContain(ids.partner);
    const why = (await (await rt.request(`/api/profiles/${ids.planche}/matches/${ids.partner}`)).json()) as {
      excluded: string;
      rank: number | null;
      score: number;
    };
    expect(why).toMatchObject({ excluded: "declined", rank: null, score: 0 });
    const again = await rt.request(
      "/api/staff/introductions",
      as(staff, "POST", { maliId: ids.planche, partnerId: ids.partner }),
    );
    expect(again.status).toBe(409);
  });
});
