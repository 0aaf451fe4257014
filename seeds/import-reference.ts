import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  chunks,
  type Db,
  rowsPerStatement,
  type SqlDatabase,
  type Statement,
} from "../src/adapters/sqlite/database.js";
import { refFrance, refMali, seedState, ties } from "../src/adapters/sqlite/schema.js";
import type { Tie } from "../src/core/schemas/reference.js";
import { canonicalFrenchCode } from "../src/core/reference-codes.js";
import { normalizeName } from "../src/core/text.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export type Progress = (line: string) => void;

interface MaliRaw {
  level: "region" | "cercle" | "commune";
  pcode: string;
  name: string;
  cercle?: string;
  cercle_pcode?: string;
  region?: string;
  region_pcode?: string;
  region_2023_approx?: string | null;
  population_2009: number | null;
  lat: number | null;
  lon: number | null;
}

/** Statements that insert `rows` into `table`, several rows per statement. */
export function insertRows<T extends SQLiteTable>(
  db: Db,
  table: T,
  rows: T["$inferInsert"][],
  maxParams: number,
): Statement[] {
  const columns = Object.keys(rows[0] ?? {}).length;
  return chunks(rows, rowsPerStatement(columns, maxParams)).map((chunk) =>
    db.insert(table).values(chunk).toSQL(),
  );
}

/**
 * Load one seed source if its content changed since the last load (by hash), as one batch:
 * re-running the seed is cheap and never half-applies.
 */
async function loadIfChanged(
  database: SqlDatabase,
  source: string,
  content: string | Buffer,
  load: (db: Db, maxParams: number) => { statements: Statement[]; rows: number },
  progress: Progress,
): Promise<void> {
  const db = database.db;
  const hash = createHash("sha256").update(content).digest("hex");
  const state = await db.select().from(seedState).where(eq(seedState.source, source)).get();
  if (state?.hash === hash) {
    progress(`${source}: up to date (${state.rows} rows)`);
    return;
  }
  const started = Date.now();
  const { statements, rows } = load(db, database.maxParams);
  const loadedAt = new Date().toISOString();
  await database.batch([
    ...statements,
    db
      .insert(seedState)
      .values({ source, hash, rows, loadedAt })
      .onConflictDoUpdate({ target: seedState.source, set: { hash, rows, loadedAt } })
      .toSQL(),
  ]);
  progress(`${source}: ${rows} rows imported in ${Date.now() - started} ms`);
}

export async function seedMali(database: SqlDatabase, progress: Progress): Promise<void> {
  const file = join(HERE, "mali", "mali-admin-2009.json");
  const content = readFileSync(file);
  await loadIfChanged(
    database,
    "mali-admin-2009",
    content,
    (db, maxParams) => {
      const { units } = JSON.parse(content.toString("utf8")) as { units: MaliRaw[] };
      const byCode = new Map(units.map((u) => [u.pcode, u]));
      const rows = units.map((u) => {
        const cercleCode =
          u.level === "commune" ? (u.cercle_pcode ?? null) : u.level === "cercle" ? u.pcode : null;
        const regionCode = u.level === "region" ? u.pcode : (u.region_pcode ?? u.pcode.slice(0, 4));
        return {
          pcode: u.pcode,
          level: u.level,
          name: u.name,
          nameNorm: normalizeName(u.name),
          population: u.population_2009,
          cercleCode,
          cercleName: cercleCode ? (byCode.get(cercleCode)?.name ?? u.cercle ?? null) : null,
          regionCode,
          regionName: byCode.get(regionCode)?.name ?? u.region ?? null,
          region2023: u.region_2023_approx ?? null,
          lat: u.lat,
          lon: u.lon,
        };
      });
      return {
        statements: [db.delete(refMali).toSQL(), ...insertRows(db, refMali, rows, maxParams)],
        rows: units.length,
      };
    },
    progress,
  );
}

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  population?: number;
}

export async function seedFrance(database: SqlDatabase, progress: Progress): Promise<void> {
  const dir = join(dirname(require.resolve("@etalab/decoupage-administratif/package.json")), "data");
  const read = (f: string) => readFileSync(join(dir, f));
  const raw = {
    communes: read("communes.json"),
    epci: read("epci.json"),
    departements: read("departements.json"),
    regions: read("regions.json"),
  };
  const content = Buffer.concat(Object.values(raw));
  await loadIfChanged(
    database,
    "france-decoupage-administratif",
    content,
    (db, maxParams) => {
      const communes = (JSON.parse(raw.communes.toString("utf8")) as EtalabCommune[]).filter(
        (c) => c.type === "commune-actuelle",
      );
      const regions = JSON.parse(raw.regions.toString("utf8")) as { code: string; nom: string }[];
      const deps = JSON.parse(raw.departements.toString("utf8")) as {
        code: string;
        nom: string;
        region: string;
      }[];
      const epcis = JSON.parse(raw.epci.toString("utf8")) as {
        code: string;
        nom: string;
        populationMunicipale?: number;
        membres: { code: string }[];
      }[];
      const regionName = new Map(regions.map((r) => [r.code, r.nom]));
      const communeByCode = new Map(communes.map((c) => [c.code, c]));
      // Départements and régions have no population in the package: sum their communes.
      const popDep = new Map<string, number>();
      const popReg = new Map<string, number>();
      for (const c of communes) {
        if (c.departement) popDep.set(c.departement, (popDep.get(c.departement) ?? 0) + (c.population ?? 0));
        if (c.region) popReg.set(c.region, (popReg.get(c.region) ?? 0) + (c.population ?? 0));
      }
      const all: (typeof refFrance.$inferInsert)[] = [];
      const put = (v: typeof refFrance.$inferInsert) => all.push(v);
      for (const r of regions) {
        put({
          id: `region:${r.code}`,
          code: r.code,
          kind: "region",
          name: r.nom,
          nameNorm: normalizeName(r.nom),
          population: popReg.get(r.code) ?? null,
          departementCode: null,
          regionCode: r.code,
          regionName: r.nom,
        });
      }
      for (const d of deps) {
        put({
          id: `departement:${d.code}`,
          code: d.code,
          kind: "departement",
          name: d.nom,
          nameNorm: normalizeName(d.nom),
          population: popDep.get(d.code) ?? null,
          departementCode: d.code,
          regionCode: d.region,
          regionName: regionName.get(d.region) ?? null,
        });
      }
      for (const e of epcis) {
        const first = e.membres.map((m) => communeByCode.get(m.code)).find(Boolean);
        put({
          id: `epci:${e.code}`,
          code: e.code,
          kind: "epci",
          name: e.nom,
          nameNorm: normalizeName(e.nom),
          population: e.populationMunicipale ?? null,
          departementCode: first?.departement ?? null,
          regionCode: first?.region ?? null,
          regionName: first?.region ? (regionName.get(first.region) ?? null) : null,
        });
      }
      for (const c of communes) {
        put({
          id: `commune:${c.code}`,
          code: c.code,
          kind: "commune",
          name: c.nom,
          nameNorm: normalizeName(c.nom),
          population: c.population ?? null,
          departementCode: c.departement ?? null,
          regionCode: c.region ?? null,
          regionName: c.region ? (regionName.get(c.region) ?? null) : null,
        });
      }
      return {
        statements: [db.delete(refFrance).toSQL(), ...insertRows(db, refFrance, all, maxParams)],
        rows: all.length,
      };
    },
    progress,
  );
}

export async function seedTies(database: SqlDatabase, progress: Progress): Promise<void> {
  const file = join(HERE, "directory", "ties-2008.json");
  const content = readFileSync(file);
  await loadIfChanged(
    database,
    "ties-2008",
    content,
    (db, maxParams) => {
      const doc = JSON.parse(content.toString("utf8")) as { ties: Tie[] };
      const rows = doc.ties.map((t) => ({
        id: t.id,
        frenchCode: canonicalFrenchCode(t.french.code, t.french.kind),
        frenchNorm: normalizeName(t.french.name),
        malianCode: t.malian.code ?? (t.malian as { pcode?: string | null }).pcode ?? null,
        malianNorm: normalizeName(t.malian.name),
        data: JSON.stringify(normalizeTie(t)),
      }));
      return {
        statements: [db.delete(ties).toSQL(), ...insertRows(db, ties, rows, maxParams)],
        rows: rows.length,
      };
    },
    progress,
  );
}

/**
 * The directory file names the Malian code `pcode`; the API calls both codes `code`, and
 * French codes are canonical (`departement:91`) even if an older file held them bare.
 */
function normalizeTie(t: Tie): Tie {
  const m = t.malian as Tie["malian"] & { pcode?: string | null };
  const { pcode, ...malian } = m;
  return {
    ...t,
    french: { ...t.french, code: canonicalFrenchCode(t.french.code, t.french.kind) },
    malian: { ...malian, code: m.code ?? pcode ?? null },
  };
}
