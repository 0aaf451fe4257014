/**
 * Reference data the benchmark reads from the repository's own seeds (never from ../shared):
 * the 2008 directory ties, the Mali 2009 reference, the demo profiles, the travel advice.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Tie } from "../../src/core/schemas/reference.js";
import { normalizeName } from "../../src/core/text.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const readJson = <T>(...parts: string[]): T => JSON.parse(readFileSync(join(ROOT, ...parts), "utf8")) as T;

/** A tie as stored in seeds/directory/ties-2008.json (the Malian code is called `pcode` there). */
export interface DirectoryTie {
  id: string;
  french: {
    name: string;
    kind: string;
    code: string | null;
    departement: string | null;
    region: string | null;
    population: number | null;
  };
  malian: {
    name: string;
    level: string;
    pcode: string | null;
    cercle: string | null;
    region: string | null;
    population: number | null;
  };
  firstContactYear: number | null;
  formalisedYear: number | null;
  documentType: string | null;
  domains: string[];
  sources: string[];
}

export function loadDirectoryTies(): DirectoryTie[] {
  return readJson<{ ties: DirectoryTie[] }>("seeds", "directory", "ties-2008.json").ties;
}

/** The same ties in the API's shape (`malian.code`), as seeds/import-reference.ts stores them. */
export function toApiTie(t: DirectoryTie): Tie {
  const { pcode, ...malian } = t.malian;
  return { ...t, malian: { ...malian, code: pcode } };
}

/** Identity of the French side of a tie: its INSEE/SIREN code, else its normalized name. */
export const frenchKey = (t: DirectoryTie) =>
  t.french.code ? `code:${t.french.code}` : `name:${normalizeName(t.french.name)}`;

export interface MaliRef {
  pcode: string;
  level: "region" | "cercle" | "commune";
  name: string;
  population: number | null;
  cercleCode: string | null;
  cercleName: string | null;
  regionCode: string | null;
  regionName: string | null;
}

interface RawUnit {
  pcode: string;
  level: "region" | "cercle" | "commune";
  name: string;
  population_2009?: number | null;
  cercle?: string | null;
  cercle_pcode?: string | null;
  region?: string | null;
  region_pcode?: string | null;
}

export function loadMaliReference(): Map<string, MaliRef> {
  const units = readJson<{ units: RawUnit[] }>("seeds", "mali", "mali-admin-2009.json").units;
  const byCode = new Map(units.map((u) => [u.pcode, u]));
  const out = new Map<string, MaliRef>();
  for (const u of units) {
    const regionCode = u.level === "region" ? u.pcode : (u.region_pcode ?? u.pcode.slice(0, 4));
    const cercleCode =
      u.level === "commune" ? (u.cercle_pcode ?? null) : u.level === "cercle" ? u.pcode : null;
    out.set(u.pcode, {
      pcode: u.pcode,
      level: u.level,
      name: u.name,
      population: u.population_2009 ?? null,
      cercleCode,
      cercleName: cercleCode ? (byCode.get(cercleCode)?.name ?? u.cercle ?? null) : null,
      regionCode,
      regionName: byCode.get(regionCode)?.name ?? u.region ?? null,
    });
  }
  return out;
}

export interface TravelAdvice {
  current: { region: string; zone: string; label: string; as_of: string }[];
}

export const loadTravelAdvice = () => readJson<TravelAdvice>("seeds", "mali", "mali-travel-advice.json");

/** The demo profile inputs (seeds/demo/demo-profiles.json), unparsed. */
export const loadDemoInputs = () =>
  readJson<{ profiles: unknown[] }>("seeds", "demo", "demo-profiles.json").profiles;
