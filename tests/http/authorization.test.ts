import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partnerInput, plancheInput } from "../helpers/fixtures.js";
import { as, type Signed, signIn } from "../helpers/auth.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

/** Who may, who may not: every protected route, for each kind of caller. */
let rt: TestRuntime;
let staff: Signed;
let owner: Signed;
let partnerOwner: Signed;
let stranger: Signed;
const ids = { planche: "", draft: "", partner: "", strangerPartner: "", intro: "" };

beforeAll(async () => {
  rt = await startTestRuntime();
  staff = await signIn(rt, "staff.authz@example.org", "staff");
  owner = await signIn(rt, "owner@example.org");
  partnerOwner = await signIn(rt, "partner.owner@example.org");
  stranger = await signIn(rt, "stranger@example.org");
  const create = async (who: Signed, body: unknown, draft = false) => {
    const res = await rt.request(`/api/profiles${draft ? "?draft=true" : ""}`, as(who, "POST", body));
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  ids.planche = await create(
    owner,
    plancheInput({
      contact: { name: "Maire adjoint", email: "secret.mali@example.org", phone: "+223 76 00 00 01" },
    }),
  );
  ids.draft = await create(owner, plancheInput(), true);
  ids.partner = await create(
    partnerOwner,
    partnerInput({ contact: { name: "Chargée RI", email: "secret.partner@example.org" } }),
  );
  ids.strangerPartner = await create(
    stranger,
    partnerInput({ collectivite: { name: "Ville de Namur", country: "BE", level: "commune" } }),
  );
  for (const id of [ids.planche, ids.partner, ids.strangerPartner]) {
    expect((await rt.request(`/api/staff/profiles/${id}/approve`, as(staff, "POST", {}))).status).toBe(200);
  }
  const intro = await rt.request(
    "/api/staff/introductions",
    as(staff, "POST", { maliId: ids.planche, partnerId: ids.partner, note: "" }),
  );
  expect(intro.status).toBe(201);
  ids.intro = ((await intro.json()) as { id: string }).id;
});
afterAll(async () => {
  await rt?.close();
});

type Who = "anon" | "stranger" | "owner" | "staff";
const whoMap = () => ({ anon: null, stranger, owner, staff }) as Record<Who, Signed | null>;

async function call(who: Who, method: string, path: string, body?: unknown) {
  const s = whoMap()[who];
  const init: RequestInit = s
    ? as(s, method, body)
    : {
        method,
        headers: { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      };
  return (await rt.request(path, init)).status;
}

const matrix: {
  name: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  expect: Partial<Record<Who, number>>;
}[] = [
  {
    name: "read a draft",
    method: "GET",
    path: () => `/api/profiles/${ids.draft}`,
    expect: { anon: 401, stranger: 403, owner: 200, staff: 200 },
  },
  {
    name: "read contact data",
    method: "GET",
    path: () => `/api/profiles/${ids.planche}/private`,
    expect: { anon: 401, stranger: 403, owner: 200, staff: 200 },
  },
  {
    name: "edit a profile",
    method: "PUT",
    path: () => `/api/profiles/${ids.draft}`,
    body: () => plancheInput(),
    expect: { anon: 401, stranger: 403, owner: 200, staff: 200 },
  },
  {
    name: "submit a draft",
    method: "POST",
    path: () => `/api/profiles/${ids.draft}/submit`,
    expect: { anon: 401, stranger: 403 },
  },
  {
    name: "read alert settings",
    method: "GET",
    path: () => `/api/profiles/${ids.planche}/alerts`,
    expect: { anon: 401, stranger: 403, owner: 200, staff: 200 },
  },
  {
    name: "change alert settings",
    method: "PUT",
    path: () => `/api/profiles/${ids.planche}/alerts`,
    body: () => ({ mode: "weekly" }),
    expect: { anon: 401, stranger: 403, owner: 200 },
  },
  {
    name: "renew",
    method: "POST",
    path: () => `/api/profiles/${ids.planche}/renew`,
    expect: { anon: 401, stranger: 403, owner: 200 },
  },
  {
    name: "matches of a draft",
    method: "GET",
    path: () => `/api/profiles/${ids.draft}/matches`,
    expect: { anon: 401, stranger: 403, owner: 200 },
  },
  {
    name: "list drafts",
    method: "GET",
    path: () => "/api/profiles?status=draft",
    expect: { anon: 403, stranger: 403, staff: 200 },
  },
  {
    name: "list mine",
    method: "GET",
    path: () => "/api/profiles?mine=true",
    expect: { anon: 401, owner: 200 },
  },
  {
    name: "search drafts",
    method: "GET",
    path: () => "/api/search?status=draft",
    expect: { anon: 401, stranger: 403, staff: 200 },
  },
  {
    name: "create a profile",
    method: "POST",
    path: () => "/api/profiles?draft=true",
    body: () => plancheInput(),
    expect: { anon: 401, stranger: 201 },
  },
  {
    name: "read an introduction",
    method: "GET",
    path: () => `/api/introductions/${ids.intro}`,
    expect: { anon: 401, stranger: 403, owner: 200, staff: 200 },
  },
  {
    name: "answer an introduction",
    method: "POST",
    path: () => `/api/introductions/${ids.intro}/respond`,
    body: () => ({ decision: "accept" }),
    expect: { anon: 401, stranger: 403 },
  },
  {
    name: "interest as someone else's partner",
    method: "POST",
    path: () => `/api/profiles/${ids.planche}/interest`,
    body: () => ({
      partnerProfileId: ids.partner,
      cooperation: "Eau potable et formation",
      whoWeAre: "Une ville de Belgique",
    }),
    expect: { anon: 401, stranger: 403 },
  },
  {
    name: "review queue",
    method: "GET",
    path: () => "/api/staff/review-queue",
    expect: { anon: 401, stranger: 403, owner: 403, staff: 200 },
  },
  {
    name: "approve",
    method: "POST",
    path: () => `/api/staff/profiles/${ids.draft}/approve`,
    body: () => ({}),
    expect: { anon: 401, owner: 403 },
  },
  {
    name: "send back",
    method: "POST",
    path: () => `/api/staff/profiles/${ids.draft}/return`,
    body: () => ({ reason: "Précisez vos priorités" }),
    expect: { anon: 401, owner: 403 },
  },
  {
    name: "suggestions",
    method: "GET",
    path: () => "/api/staff/suggestions?limit=5",
    expect: { anon: 401, owner: 403, staff: 200 },
  },
  {
    name: "propose",
    method: "POST",
    path: () => "/api/staff/introductions",
    body: () => ({ maliId: ids.planche, partnerId: ids.strangerPartner }),
    expect: { anon: 401, owner: 403, stranger: 403 },
  },
  {
    name: "board",
    method: "GET",
    path: () => "/api/staff/introductions",
    expect: { anon: 401, owner: 403, staff: 200 },
  },
  {
    name: "move a phase",
    method: "POST",
    path: () => `/api/staff/introductions/${ids.intro}/phase`,
    body: () => ({ phase: "abandoned" }),
    expect: { anon: 401, owner: 403 },
  },
  {
    name: "interests queue",
    method: "GET",
    path: () => "/api/staff/interests",
    expect: { anon: 401, owner: 403, staff: 200 },
  },
  {
    name: "outbox",
    method: "GET",
    path: () => "/api/staff/outbox",
    expect: { anon: 401, owner: 403, staff: 200 },
  },
  {
    name: "retry a message",
    method: "POST",
    path: () => "/api/staff/outbox/none/retry",
    expect: { anon: 401, owner: 403, staff: 404 },
  },
  {
    name: "audit log",
    method: "GET",
    path: () => "/api/staff/audit",
    expect: { anon: 401, owner: 403, staff: 200 },
  },
  {
    name: "archive",
    method: "DELETE",
    path: () => `/api/profiles/${ids.draft}`,
    expect: { anon: 401, stranger: 403, owner: 200 },
  },
];

describe("authorization", () => {
  for (const row of matrix) {
    it(`${row.name}: ${Object.entries(row.expect)
      .map(([w, s]) => `${w} ${s}`)
      .join(", ")}`, async () => {
      for (const who of ["anon", "stranger", "owner", "staff"] as const) {
        const expected = row.expect[who];
        if (expected === undefined) continue;
        expect({ who, status: await call(who, row.method, row.path(), row.body?.()) }).toEqual({
          who,
          status: expected,
        });
      }
    });
  }

  it("refuses a state change without the CSRF token or from another site", async () => {
    const body = JSON.stringify({ mode: "instant", threshold: 0.5 });
    const noToken = await rt.request(`/api/profiles/${ids.planche}/alerts`, {
      method: "PUT",
      headers: { cookie: owner.cookie, "content-type": "application/json" },
      body,
    });
    expect(noToken.status).toBe(403);
    const crossSite = await rt.request(`/api/profiles/${ids.planche}/alerts`, {
      method: "PUT",
      headers: { ...owner.headers, origin: "https://evil.example" },
      body,
    });
    expect(crossSite.status).toBe(403);
    const forged = await rt.request("/api/me", { headers: { cookie: "bap_session=forged-session-value" } });
    expect(await forged.json()).toEqual({ user: null, csrfToken: null, profiles: [] });
    const csrf = (await noToken.clone().json()) as { errors: { code: string }[] };
    expect(csrf.errors[0]?.code).toBe("csrf");
  });

  it("shows no contact detail in any public response or in the index", async () => {
    const publicPaths = [
      `/api/profiles/${ids.planche}`,
      "/api/profiles?limit=100",
      `/api/profiles/${ids.partner}/matches?limit=50`,
      `/api/profiles/${ids.planche}/matches/${ids.partner}`,
      "/api/search?q=Diafounou",
      "/api/search?q=Montreuil",
    ];
    for (const path of publicPaths) {
      const text = await (await rt.request(path)).text();
      expect(text).not.toContain("secret.mali@example.org");
      expect(text).not.toContain("+223 76 00 00 01");
      expect(text).not.toContain("secret.partner@example.org");
    }
    const docs = await rt.search.client.index(rt.config.MEILISEARCH_INDEX).getDocuments({ limit: 100 });
    expect(JSON.stringify(docs.results)).not.toMatch(/secret\.(mali|partner)@example\.org|\+223 76/);
    // Before both accept, the other side of an introduction sees no contact either.
    const intro = (await (
      await rt.request(`/api/introductions/${ids.intro}`, { headers: owner.headers })
    ).json()) as {
      contacts: unknown;
    };
    expect(intro.contacts).toBeNull();
    const mine = (await (await rt.request("/api/me/introductions", { headers: owner.headers })).json()) as {
      items: {
        id: string;
        contacts: unknown;
        partner: { collectivite: { name: string } };
        events: unknown[];
      }[];
    };
    expect(mine.items.map((i) => i.id)).toEqual([ids.intro]);
    expect(mine.items[0]?.contacts).toBeNull();
    expect(mine.items[0]?.events.length).toBeGreaterThan(0);
    expect(JSON.stringify(mine)).not.toContain("secret.partner@example.org");
  });

  it("rejects forged, reused and unknown links", async () => {
    const forged = await rt.request(
      "/api/tokens/intro_accept/AAAAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
      { method: "POST" },
    );
    expect(forged.status).toBe(410);
    const badPurpose = await rt.request("/t/delete_everything/abc", { method: "GET" });
    expect(badPurpose.status).toBe(404);
    // A real login token signed for one purpose does not work for another.
    await rt.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "reuse@example.org" }),
    });
    const page = await rt.deps.curation.outbox.list({ limit: 50, offset: 0 });
    const text = page.items.find((m) => m.to.includes("reuse@example.org"))?.text ?? "";
    const token = /\/t\/login\/([A-Za-z0-9_.-]+)/.exec(text)?.[1] ?? "";
    expect((await rt.request(`/api/tokens/intro_accept/${token}`, { method: "POST" })).status).toBe(410);
    expect((await rt.request(`/api/tokens/login/${token}`, { method: "POST" })).status).toBe(200);
    expect((await rt.request(`/api/tokens/login/${token}`, { method: "POST" })).status).toBe(410);
  });

  it("rate-limits sign-in requests per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await rt.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "flood@example.org" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
