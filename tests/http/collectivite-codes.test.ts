import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { openDatabase } from "../../src/adapters/sqlite/libsql.js";
import { SqliteReferenceData } from "../../src/adapters/sqlite/reference.js";
import { refFrance } from "../../src/adapters/sqlite/schema.js";
import { isRefCode } from "../../src/core/reference-codes.js";
import type { Collectivite } from "../../src/core/schemas/profile.js";
import { resolveCollectivite } from "../../src/core/services/collectivite.js";
import { as, type Signed, signIn } from "../helpers/auth.js";
import { partnerInput, plancheInput } from "../helpers/fixtures.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

interface Problem {
  status: number;
  errors?: { field: string; code: string; fr: string; en: string; candidates?: string[] }[];
}

let rt: TestRuntime;
let staff: Signed;
beforeAll(async () => {
  rt = await startTestRuntime();
  staff = await signIn(rt, "staff.codes@example.org", "staff");
});
afterAll(async () => {
  await rt?.close();
});

const frenchPartner = (collectivite: Record<string, unknown>) =>
  rt.request(
    "/api/profiles",
    as(staff, "POST", partnerInput({ collectivite: { country: "FR", ...collectivite } })),
  );

async function problemOf(res: Response): Promise<Problem> {
  expect(res.status).toBe(400);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return (await res.json()) as Problem;
}

describe("one canonical code per collectivité", () => {
  it("refuses a bare département/région number, naming the field and both candidates", async () => {
    const p = await problemOf(await frenchPartner({ refCode: "32", name: "Gers", level: "departement" }));
    const e = p.errors?.find((x) => x.field === "collectivite.refCode");
    expect(e?.code).toBe("ambiguous_reference");
    expect(e?.candidates).toEqual(["departement:32", "region:32"]);
    expect(e?.fr).toContain("Gers");
    expect(e?.fr).toContain("Hauts-de-France");
    expect(e?.en).toContain("ambiguous");
  });

  it("refuses a bare commune code, giving the one canonical code it could mean", async () => {
    const p = await problemOf(await frenchPartner({ refCode: "93048", name: "Montreuil", level: "commune" }));
    expect(p.errors?.[0]).toMatchObject({
      field: "collectivite.refCode",
      code: "bare_reference",
      candidates: ["commune:93048"],
    });
  });

  it("refuses an unknown code and a level that contradicts the reference", async () => {
    const unknown = await problemOf(
      await frenchPartner({ refCode: "commune:99999", name: "Nulle part", level: "commune" }),
    );
    expect(unknown.errors?.[0]).toMatchObject({ field: "collectivite.refCode", code: "unknown_reference" });
    const level = await problemOf(
      await frenchPartner({ refCode: "region:32", name: "Gers", level: "departement" }),
    );
    expect(level.errors?.[0]).toMatchObject({ field: "collectivite.level", code: "level_mismatch" });
    expect(level.errors?.[0]?.fr).toContain("désigne une région (Hauts-de-France), pas un département");
    const malianLevel = await problemOf(
      await rt.request(
        "/api/profiles",
        as(
          staff,
          "POST",
          plancheInput({
            collectivite: { refCode: "ML0107", name: "Yélimané", country: "ML", level: "commune" },
          }),
        ),
      ),
    );
    expect(malianLevel.errors?.[0]).toMatchObject({ field: "collectivite.level", code: "level_mismatch" });
    const country = await problemOf(
      await rt.request(
        "/api/profiles",
        as(
          staff,
          "POST",
          partnerInput({
            collectivite: { refCode: "commune:93048", name: "Montreuil", country: "BE", level: "commune" },
          }),
        ),
      ),
    );
    expect(country.errors?.[0]).toMatchObject({ field: "collectivite.country", code: "country_mismatch" });
  });

  it("stores the Gers as the Gers, with canonical parents, and the index holds the same code", async () => {
    const res = await frenchPartner({ refCode: "departement:32", name: "Gers", level: "departement" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; collectivite: Record<string, unknown> };
    expect(body.collectivite).toMatchObject({
      refCode: "departement:32",
      name: "Gers",
      level: "departement",
      referenceName: "Gers",
      departementCode: "departement:32",
      regionCode: "region:76",
      regionName: "Occitanie",
    });
    const hit = (await (await rt.request(`/api/search?q=Gers&side=partner`)).json()) as {
      hits: { id: string; refCode: string | null; regionCode: string | null }[];
    };
    expect(hit.hits.find((h) => h.id === body.id)).toMatchObject({
      refCode: "departement:32",
      regionCode: "region:76",
    });
  });

  it("keeps the name a collectivité uses and shows the reference's beside it", async () => {
    const res = await frenchPartner({
      refCode: "commune:93048",
      name: "Ville de Montreuil",
      level: "commune",
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { collectivite: { name: string; referenceName: string } };
    expect(body.collectivite).toMatchObject({ name: "Ville de Montreuil", referenceName: "Montreuil" });
  });

  it("answers look-ups with the very codes the profile API accepts", async () => {
    const fr = (await (await rt.request("/api/reference/france?q=essonne&level=departement")).json()) as {
      items: { code: string; localCode: string; regionCode: string }[];
    };
    expect(fr.items[0]).toMatchObject({ code: "departement:91", localCode: "91", regionCode: "region:11" });
    const ml = (await (await rt.request("/api/reference/mali?q=douentza&level=cercle")).json()) as {
      items: { code: string; pcode: string }[];
    };
    expect(ml.items[0]?.code).toBe(ml.items[0]?.pcode);
    const ties = (await (await rt.request("/api/ties?code=departement:91")).json()) as {
      items: { french: { code: string; name: string } }[];
    };
    expect(ties.items.length).toBeGreaterThan(0);
    for (const t of ties.items) expect(t.french.code).toBe("departement:91");
  });

  it("documents the scheme in the OpenAPI document", async () => {
    const doc = JSON.stringify(await (await rt.request("/openapi.json")).json());
    expect(doc).toContain("departement:32");
    expect(doc).toContain("ml-region-2023:");
  });
});

describe("every reference unit resolves to itself", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "bap-test-codes-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("for each département and région (18+ share a number), and for a sample of communes and EPCI", async () => {
    const file = join(dir, "ref.sqlite");
    copyFileSync(inject("templateDb"), file);
    const db = await openDatabase(file);
    try {
      const reference = new SqliteReferenceData(db);
      const rows = await db.db.select().from(refFrance);
      const sample = rows.filter((r, i) => r.kind === "departement" || r.kind === "region" || i % 97 === 0);
      expect(sample.filter((r) => r.kind === "departement").length).toBeGreaterThan(100);
      const wrong: string[] = [];
      for (const r of sample) {
        expect(isRefCode(r.id), r.id).toBe(true);
        const c = await resolveCollectivite(reference, "partner", {
          refCode: r.id,
          name: r.name,
          country: "FR",
          level: r.kind as "commune",
        });
        if (c.level !== r.kind || c.referenceName !== r.name || c.name !== r.name) wrong.push(r.id);
      }
      expect(wrong).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("publishes every demo profile as the collectivité it was written for (Allier stays Allier)", async () => {
    const file = join(dir, "demo.sqlite");
    copyFileSync(inject("templateDb"), file);
    const db = await openDatabase(file);
    try {
      const reference = new SqliteReferenceData(db);
      const demo = JSON.parse(
        readFileSync(new URL("../../seeds/demo/demo-profiles.json", import.meta.url), "utf8"),
      ) as { profiles: { side: "mali" | "partner"; collectivite: Collectivite }[] };
      const changed: string[] = [];
      for (const p of demo.profiles) {
        const c = await resolveCollectivite(reference, p.side, p.collectivite);
        if (c.name !== p.collectivite.name || c.level !== p.collectivite.level)
          changed.push(p.collectivite.name);
        if (c.refCode && c.referenceName !== p.collectivite.name)
          changed.push(`${c.name} ≠ ${c.referenceName}`);
      }
      expect(changed).toEqual([]);
      const allier = demo.profiles.find((p) => p.collectivite.name === "Allier");
      expect(allier?.collectivite.refCode).toBe("departement:03");
    } finally {
      db.close();
    }
  });
});
