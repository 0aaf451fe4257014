import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partnerInput, plancheInput } from "../helpers/fixtures.js";
import { as, type Signed, signIn } from "../helpers/auth.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

let rt: TestRuntime;
let staff: Signed;
beforeAll(async () => {
  rt = await startTestRuntime();
  // Staff publish directly; the contact journey (review queue) is tested in curation tests.
  staff = await signIn(rt, "staff.api@example.org", "staff");
});
afterAll(async () => {
  await rt?.close();
});

async function problem(res: Response) {
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return (await res.json()) as {
    status: number;
    code: string;
    errors?: { field: string; fr: string; en: string }[];
  };
}

describe("profiles API", () => {
  it("creates a planche resolved from the reference data, and never shows its contact", async () => {
    const res = await rt.request("/api/profiles", as(staff, "POST", plancheInput()));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, any>;
    expect(body.collectivite.name).toBe("Diafounou Diongaga");
    expect(body.collectivite.referenceName).toBe("Diafounou Diongaga");
    expect(body.collectivite.cercleName).toBe("Yélimané");
    expect(body.collectivite.regionCode).toBe("ML01");
    expect(body.collectivite.population).toBeGreaterThan(1000);
    expect(body.contact).toBeUndefined();
    const read = await rt.request(`/api/profiles/${body.id}`);
    const text = await read.text();
    expect(read.status).toBe(200);
    expect(text).not.toContain("sg.test@example.org");
    expect(res.headers.get("location")).toBe(`/api/profiles/${body.id}`);
  });

  it("answers bad input with a 400 problem naming the fields, in both languages", async () => {
    const res = await rt.request(
      "/api/profiles",
      as(staff, "POST", plancheInput({ priorities: [{ sector: "nope", aspect: "ok ok" }], extra: 1 })),
    );
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.code).toBe("validation");
    expect(p.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(["priorities.0.sector", "extra"]));
    const en = await rt.request("/api/profiles?lang=en", as(staff, "POST", { side: "mali" }));
    const pe = (await en.json()) as { title: string; title_fr: string };
    expect(pe.title).toBe("Invalid data");
    expect(pe.title_fr).toBe("Données invalides");
  });

  it("rejects malformed JSON, unknown reference codes, a wrong country and oversized bodies without a 500", async () => {
    const bad = await rt.request("/api/profiles", {
      method: "POST",
      headers: staff.headers,
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    await problem(bad);

    const unknown = await rt.request(
      "/api/profiles",
      as(
        staff,
        "POST",
        plancheInput({
          collectivite: { refCode: "ML999999", name: "Nowhere", country: "ML", level: "commune" },
        }),
      ),
    );
    expect(unknown.status).toBe(400);
    expect((await problem(unknown)).errors?.[0]?.field).toBe("collectivite.refCode");

    const wrongSide = await rt.request(
      "/api/profiles",
      as(staff, "POST", partnerInput({ collectivite: { name: "Kayes", country: "ML", level: "commune" } })),
    );
    expect(wrongSide.status).toBe(400);

    const huge = await rt.request(
      "/api/profiles",
      as(staff, "POST", plancheInput({ presentation: "x".repeat(400_000) })),
    );
    expect(huge.status).toBe(400);
    await problem(huge);

    const notFound = await rt.request("/api/profiles/does-not-exist");
    expect(notFound.status).toBe(404);
    await problem(notFound);
  });

  it("accepts a hand-entered collectivité from another country", async () => {
    const res = await rt.request(
      "/api/profiles",
      as(
        staff,
        "POST",
        partnerInput({
          collectivite: { name: "Ville de Liège", country: "be", level: "commune", population: 195000 },
        }),
      ),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { collectivite: { country: string; name: string } };
    expect(body.collectivite).toMatchObject({ country: "BE", name: "Ville de Liège" });
  });

  it("updates with optimistic concurrency and archives out of the directory", async () => {
    const created = (await (await rt.request("/api/profiles", as(staff, "POST", partnerInput()))).json()) as {
      id: string;
      version: number;
    };
    const ok = await rt.request(
      `/api/profiles/${created.id}`,
      as(staff, "PUT", partnerInput({ offerDescription: "Appui au service de l'état civil" }), {
        "if-match": '"1"',
      }),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe('"2"');
    const stale = await rt.request(`/api/profiles/${created.id}`, {
      ...as(staff, "PUT", partnerInput()),
      headers: { ...staff.headers, "if-match": '"1"' },
    });
    expect(stale.status).toBe(409);
    const sideChange = await rt.request(`/api/profiles/${created.id}`, as(staff, "PUT", plancheInput()));
    expect(sideChange.status).toBe(400);

    const archived = await rt.request(`/api/profiles/${created.id}`, as(staff, "DELETE"));
    expect(((await archived.json()) as { status: string }).status).toBe("archived");
    const search = (await (await rt.request("/api/search?q=etat%20civil&side=partner")).json()) as {
      hits: { id: string }[];
    };
    expect(search.hits.map((h) => h.id)).not.toContain(created.id);
  });

  it("lists profiles in one shape and serves OpenAPI and docs", async () => {
    const list = (await (await rt.request("/api/profiles?side=partner&limit=2")).json()) as Record<
      string,
      unknown
    >;
    expect(Object.keys(list).sort()).toEqual(["items", "limit", "offset", "total"]);
    const badList = await rt.request("/api/profiles?limit=1000");
    expect(badList.status).toBe(400);
    const spec = (await (await rt.request("/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/profiles", "/api/profiles/{id}", "/api/search", "/api/ties"]),
    );
    const docs = await rt.request("/docs");
    expect(await docs.text()).toContain("/api/search");
  });
});
