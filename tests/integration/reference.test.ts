import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => {
  await rt?.close();
});

const get = async (path: string) => (await (await rt.request(path)).json()) as any;

describe("reference data", () => {
  it("holds Mali's 9 régions, 50 cercles and 703 communes with parents and population", async () => {
    const all = await rt.deps.reference.allMali();
    const count = (lvl: string) => all.filter((u) => u.level === lvl).length;
    expect([count("region"), count("cercle"), count("commune")]).toEqual([9, 50, 703]);
    const commune = all.find((u) => u.pcode === "ML010701");
    expect(commune).toMatchObject({ cercleCode: "ML0107", regionCode: "ML01", regionName: "Kayes" });
  });

  it("finds Ségou from 'Segou', the région first", async () => {
    const { items } = await get("/api/reference/mali?q=Segou");
    expect(items[0]).toMatchObject({ name: "Ségou", level: "region" });
    expect(items.some((u: { level: string }) => u.level === "cercle")).toBe(true);
  });

  it("completes French collectivités with codes and population", async () => {
    const { items } = await get("/api/reference/france?q=montreuil&level=commune");
    const m = items.find((c: { code: string }) => c.code === "commune:93048");
    expect(m).toMatchObject({
      name: "Montreuil",
      kind: "commune",
      localCode: "93048",
      departementCode: "departement:93",
      regionCode: "region:11",
    });
    expect(m.population).toBeGreaterThan(100_000);
    const dep = await get("/api/reference/france?q=Seine-Saint-Denis");
    expect(dep.items[0]).toMatchObject({ kind: "departement", code: "departement:93" });
    expect(dep.items[0].population).toBeGreaterThan(1_000_000);
  });

  it("serves the 2008 ties, filterable by either side", async () => {
    const all = await get("/api/ties?limit=200");
    expect(all.total).toBeGreaterThanOrEqual(120);
    expect(all.total).toBeLessThanOrEqual(170);
    const kayes = await get("/api/ties?malian=kayes");
    expect(kayes.total).toBeGreaterThan(0);
    for (const t of kayes.items) expect(t.malian.name.toLowerCase()).toContain("kayes");
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/@|https?:\/\/|\+33/);
  });

  it("serves the taxonomy and rejects an empty look-up", async () => {
    const { items } = await get("/api/reference/taxonomy");
    expect(items).toHaveLength(16);
    const res = await rt.request("/api/reference/mali?q=");
    expect(res.status).toBe(400);
  });
});
