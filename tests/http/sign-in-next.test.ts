import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addStaff } from "../../src/core/services/auth.js";
import { commit, issueToken } from "../../src/core/services/curation-deps.js";
import { lastLink } from "../helpers/auth.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

/** Issue 8, item 3: a sign-in link lands on this site, and a spent link always opens a session. */
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => {
  await rt?.close();
});

const login = (email: string, next: unknown) =>
  rt.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, next }),
  });

/** A login token stored as older code could store it, with whatever `next` it held. */
async function storedLoginToken(email: string, next: unknown): Promise<string> {
  const user = await addStaff(rt.deps.curation, email);
  const link = await issueToken(rt.deps.curation, "login", { userId: user.id, next }, 20 * 60_000);
  await commit(rt.deps.curation, { issueTokens: [link.record] });
  return link.token;
}

describe("sign-in links and their next page", () => {
  it.each([
    ["/\t/evil.example"],
    ["/\n/x"],
    ["/\r/x"],
    ["/ /evil.example"],
    ["/\u00a0x"],
    ["/\u2028x"],
    ["/x\u0000"],
    ["//evil.example"],
    ["/\\evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    ["equipe"],
    [""],
  ])("refuses next=%j with a 400 naming the field, in French and English", async (next) => {
    const res = await login("victim@example.org", next);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const p = (await res.json()) as { errors: { field: string; fr: string; en: string }[] };
    const field = p.errors.find((e) => e.field === "next");
    expect(field).toBeDefined();
    expect(field?.fr).toMatch(/adresse|chemin/i);
    expect(field?.en).toMatch(/path/i);
    expect(field?.fr).not.toBe(field?.en);
  });

  it("keeps a same-origin path with its query and fragment, and lands there", async () => {
    const email = "lands@example.org";
    expect((await login(email, "/mon-espace?connexion=1#profils")).status).toBe(202);
    const token = await lastLink(rt, email, "login", "login");
    const res = await rt.request(`/t/login/${token}`, { method: "POST" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/mon-espace?connexion=1#profils");
  });

  it.each([["/\t/evil.example"], ["/\n/x"], ["//evil.example"], ["https://evil.example/"], [42]])(
    "opens the session and lands on / when a stored next is %j (older data)",
    async (next) => {
      const token = await storedLoginToken(`old.${Math.random().toString(36).slice(2)}@example.org`, next);
      const page = await rt.request(`/t/login/${token}`, { method: "POST" });
      expect(page.status).toBe(303);
      expect(page.headers.get("location")).toBe("/");
      expect(page.headers.get("set-cookie")).toMatch(/bap_session=/);
    },
  );

  it("answers the JSON twin with next=/ for a stored bad next", async () => {
    const token = await storedLoginToken("old.json@example.org", "/\t/evil.example");
    const res = await rt.request(`/api/tokens/login/${token}`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/bap_session=/);
    expect(((await res.json()) as { next: string }).next).toBe("/");
  });
});
