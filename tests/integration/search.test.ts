import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ demo: true });
});
afterAll(async () => {
  await rt?.close();
});

interface Hit {
  id: string;
  side: string;
  name: string;
  regionCode: string | null;
  regionName: string | null;
  cercleName: string | null;
  sectors: string[];
  population: number | null;
}
const search = async (qs: string) =>
  (await (await rt.request(`/api/search?${qs}`)).json()) as {
    hits: Hit[];
    total: number;
    facets: Record<string, Record<string, number>>;
  };

describe("directory search on the demo data (real Meilisearch)", () => {
  it("indexes every demo profile at start", async () => {
    const all = await search("limit=1");
    const stored = await rt.deps.profiles.store.list({ status: "published", limit: 1, offset: 0 });
    expect(stored.total).toBeGreaterThanOrEqual(70);
    expect(all.total).toBe(stored.total);
  });

  it("finds planches of the Kayes région for 'Kayes'", async () => {
    const r = await search("q=Kayes&side=mali");
    expect(r.hits.length).toBeGreaterThan(3);
    const top = r.hits.slice(0, 5);
    for (const h of top) expect([h.regionName, h.cercleName, h.name].join(" ")).toMatch(/Kayes/);
  });

  it("finds water needs for 'eau', through the taxonomy", async () => {
    const r = await search("q=eau&side=mali");
    expect(r.total).toBeGreaterThan(3);
    expect(r.hits.slice(0, 5).every((h) => h.sectors.includes("water"))).toBe(true);
  });

  it("finds Ségou for 'Segou' (no accent) and 'Segu' (a typo)", async () => {
    for (const q of ["Segou", "Segu"]) {
      const r = await search(`q=${q}&side=mali`);
      expect(r.hits.length).toBeGreaterThan(0);
      expect(r.hits[0]?.regionName).toBe("Ségou");
    }
  });

  it("filters and counts facets", async () => {
    const r = await search("side=mali&region=ML01&sector=health&limit=100");
    expect(r.hits.length).toBeGreaterThan(0);
    for (const h of r.hits) {
      expect(h.regionCode).toBe("ML01");
      expect(h.sectors).toContain("health");
    }
    const all = await search("limit=0");
    expect(all.facets.side?.mali).toBeGreaterThanOrEqual(40);
    expect(Object.keys(all.facets.country ?? {}).length).toBeGreaterThanOrEqual(6);
    const big = await search("side=mali&populationMin=50000&sort=population:desc&limit=50");
    const pops = big.hits.map((h) => h.population ?? 0);
    expect(pops.every((p) => p >= 50_000)).toBe(true);
    expect([...pops].sort((a, b) => b - a)).toEqual(pops);
  });

  it("rejects bad filters with a problem, not a 500", async () => {
    const res = await rt.request("/api/search?sector=astrology&limit=-1");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field).sort()).toEqual(["limit", "sector.0"]);
  });

  it("holds no contact data in the raw index documents", async () => {
    const docs = await rt.search.client.index(rt.config.MEILISEARCH_INDEX).getDocuments({ limit: 1000 });
    expect(docs.results.length).toBeGreaterThanOrEqual(70);
    const raw = JSON.stringify(docs.results);
    expect(raw).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(raw).not.toMatch(/"(contact|email|phone)"/);
    const stored = await rt.deps.profiles.store.list({ limit: 1000, offset: 0 });
    for (const p of stored.items) {
      expect(raw).not.toContain(p.contact.email);
      if (p.contact.phone) expect(raw).not.toContain(p.contact.phone);
    }
  });
});
