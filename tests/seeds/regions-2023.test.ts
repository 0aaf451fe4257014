import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Validates seeds/mali/regions-2023.json: the 2023 régions of Mali and the crosswalk from the
// 50 cercles of 2009 (issue 11, "Both maps, side by side"). See seeds/mali/SOURCE.md.

interface Region {
  code: string;
  legalCode: string | null;
  legalCodeBasis: string | null;
  caCode: string | null;
  name: string;
  chefLieu: string;
  createdBy: string;
  formedFrom2009: string[];
  sources: string[];
}

interface CrosswalkRow {
  cercle2009: string;
  cercleName: string;
  region2009: string;
  regions2023: string[];
  alternatives?: string[];
  status: "confirmed" | "unconfirmed";
  evidence: string[];
  note: string;
}

interface Source {
  id: string;
  title: string;
  url: string;
  accessed: string;
  supports: string;
}

interface Regions2023 {
  source: { statusCounts: { confirmed: number; unconfirmed: number } };
  regions: Region[];
  crosswalk: CrosswalkRow[];
  sources: Source[];
}

interface AdminUnit {
  level: string;
  pcode: string;
  name: string;
  region_pcode?: string;
}

const readJson = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as T;

const data = readJson<Regions2023>("../../seeds/mali/regions-2023.json");
const admin = readJson<{ units: AdminUnit[] }>("../../seeds/mali/mali-admin-2009.json");
const cercles2009 = admin.units.filter((u) => u.level === "cercle");
const regions2009 = new Set(admin.units.filter((u) => u.level === "region").map((u) => u.pcode));

const slug = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

const regionCodes = new Set(data.regions.map((r) => r.code));
const sourceIds = new Set(data.sources.map((s) => s.id));

describe("seeds/mali/regions-2023.json", () => {
  it("has 19 régions and the District de Bamako, 20 units", () => {
    expect(data.regions).toHaveLength(20);
    const districts = data.regions.filter((r) => r.legalCode === "00");
    expect(districts.map((r) => r.name)).toEqual(["District de Bamako"]);
  });

  it("gives each région a unique code in the ml-region-2023 scheme", () => {
    expect(regionCodes.size).toBe(data.regions.length);
    const legal = data.regions.map((r) => r.legalCode).filter((c): c is string => c !== null);
    expect(new Set(legal).size).toBe(legal.length);
    for (const r of data.regions) {
      expect(r.code).toMatch(/^ml-region-2023:(\d{2}|[a-z0-9]+(-[a-z0-9]+)*)$/);
      if (r.legalCode === null) {
        expect(r.code).toBe(`ml-region-2023:${slug(r.name)}`);
        expect(r.legalCodeBasis).toBeNull();
      } else {
        expect(r.legalCode).toMatch(/^(0\d|1\d)$/);
        expect(r.code).toBe(`ml-region-2023:${r.legalCode}`);
        expect(["stated", "inferred-from-2023-codes"]).toContain(r.legalCodeBasis);
      }
      expect(r.name.trim()).not.toBe("");
      expect(r.chefLieu.trim()).not.toBe("");
      expect(r.sources.length).toBeGreaterThan(0);
      for (const id of r.sources) expect(sourceIds, `${r.code} cites ${id}`).toContain(id);
      for (const pcode of r.formedFrom2009) expect(regions2009).toContain(pcode);
    }
  });

  it("lists every 2009 cercle exactly once, with its 2009 name and région", () => {
    const seen = data.crosswalk.map((row) => row.cercle2009);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(cercles2009.map((c) => c.pcode).sort());
    expect(cercles2009).toHaveLength(50);
    const byPcode = new Map(cercles2009.map((c) => [c.pcode, c]));
    for (const row of data.crosswalk) {
      const cercle = byPcode.get(row.cercle2009)!;
      expect(row.cercleName).toBe(cercle.name);
      expect(row.region2009).toBe(cercle.region_pcode);
    }
  });

  it("refers only to région codes that exist, and reaches every région", () => {
    const reached = new Set<string>();
    for (const row of data.crosswalk) {
      expect(row.regions2023.length, row.cercle2009).toBeGreaterThan(0);
      expect(new Set(row.regions2023).size).toBe(row.regions2023.length);
      for (const code of [...row.regions2023, ...(row.alternatives ?? [])]) {
        expect(regionCodes, `${row.cercle2009} -> ${code}`).toContain(code);
        reached.add(code);
      }
    }
    expect([...reached].sort()).toEqual([...regionCodes].sort());
  });

  it("backs every confirmed row with evidence from the sources, and explains every row", () => {
    expect(sourceIds.size).toBe(data.sources.length);
    for (const row of data.crosswalk) {
      expect(["confirmed", "unconfirmed"]).toContain(row.status);
      for (const id of row.evidence) expect(sourceIds, `${row.cercle2009} cites ${id}`).toContain(id);
      if (row.status === "confirmed") expect(row.evidence.length, row.cercle2009).toBeGreaterThan(0);
      expect(row.note.trim(), row.cercle2009).not.toBe("");
    }
    for (const s of data.sources) {
      expect(s.url).toMatch(/^https?:\/\//);
      expect(s.accessed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.supports.trim()).not.toBe("");
    }
  });

  it("states the confirmed/unconfirmed counts it holds", () => {
    const confirmed = data.crosswalk.filter((r) => r.status === "confirmed").length;
    expect(data.source.statusCounts).toEqual({
      confirmed,
      unconfirmed: data.crosswalk.length - confirmed,
    });
  });
});
