import { and, asc, count, desc, eq, like, or, sql } from "drizzle-orm";
import type { Page, ReferenceData, TieStore } from "../../core/ports.js";
import { frenchCode } from "../../core/reference-codes.js";
import type { FrenchCollectivite, MaliUnit, Tie, TieQuery } from "../../core/schemas/reference.js";
import { normalizeName } from "../../core/text.js";
import type { SqlDatabase } from "./database.js";
import { refFrance, refMali, ties } from "./schema.js";

const MALI_LEVEL_RANK = sql`case ${refMali.level} when 'region' then 0 when 'cercle' then 1 else 2 end`;
const FR_KIND_RANK = sql`case ${refFrance.kind} when 'region' then 0 when 'departement' then 1 when 'epci' then 2 else 3 end`;

/**
 * Look-ups for forms and for resolving profiles. Names are matched on their normalized
 * form, so "Segou" finds "Ségou"; exact names come first, then prefixes, then the
 * larger collectivités (a région before a commune of the same name).
 */
export class SqliteReferenceData implements ReferenceData {
  constructor(private readonly database: SqlDatabase) {}

  private get db() {
    return this.database.db;
  }

  async maliUnit(pcode: string): Promise<MaliUnit | null> {
    const row = await this.db.select().from(refMali).where(eq(refMali.pcode, pcode)).get();
    return row ? toMali(row) : null;
  }

  async searchMali(q: string, opts: { level?: MaliUnit["level"]; limit: number }) {
    const n = normalizeName(q);
    if (!n) return [];
    const rows = await this.db
      .select()
      .from(refMali)
      .where(
        and(
          or(like(refMali.nameNorm, `${n}%`), like(refMali.nameNorm, `% ${n}%`)),
          opts.level ? eq(refMali.level, opts.level) : undefined,
        ),
      )
      .orderBy(
        sql`${refMali.nameNorm} <> ${n}`,
        sql`${refMali.nameNorm} not like ${`${n}%`}`,
        MALI_LEVEL_RANK,
        desc(refMali.population),
        asc(refMali.pcode),
      )
      .limit(opts.limit);
    return rows.map(toMali);
  }

  async allMali(): Promise<MaliUnit[]> {
    return (await this.db.select().from(refMali).orderBy(asc(refMali.pcode))).map(toMali);
  }

  /** One French collectivité by its canonical code (`departement:32`); bare codes find nothing. */
  async franceByCode(code: string): Promise<FrenchCollectivite | null> {
    const row = await this.db.select().from(refFrance).where(eq(refFrance.id, code)).get();
    return row ? toFrance(row) : null;
  }

  async searchFrance(q: string, opts: { kind?: FrenchCollectivite["kind"]; limit: number }) {
    const n = normalizeName(q);
    if (!n) return [];
    const rows = await this.db
      .select()
      .from(refFrance)
      .where(
        and(
          or(like(refFrance.nameNorm, `${n}%`), like(refFrance.nameNorm, `% ${n}%`)),
          opts.kind ? eq(refFrance.kind, opts.kind) : undefined,
        ),
      )
      .orderBy(
        sql`${refFrance.nameNorm} <> ${n}`,
        sql`${refFrance.nameNorm} not like ${`${n}%`}`,
        FR_KIND_RANK,
        desc(refFrance.population),
        asc(refFrance.id),
      )
      .limit(opts.limit);
    return rows.map(toFrance);
  }
}

function toMali(r: typeof refMali.$inferSelect): MaliUnit {
  return {
    code: r.pcode,
    pcode: r.pcode,
    level: r.level as MaliUnit["level"],
    name: r.name,
    population: r.population,
    cercleCode: r.cercleCode,
    cercleName: r.cercleName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    region2023: r.region2023,
    lat: r.lat,
    lon: r.lon,
  };
}

function toFrance(r: typeof refFrance.$inferSelect): FrenchCollectivite {
  // The row id is already the canonical code (`kind:code`); parents are made canonical here.
  return {
    code: r.id,
    localCode: r.code,
    kind: r.kind as FrenchCollectivite["kind"],
    name: r.name,
    population: r.population,
    departementCode: r.departementCode ? frenchCode("departement", r.departementCode) : null,
    regionCode: r.regionCode ? frenchCode("region", r.regionCode) : null,
    regionName: r.regionName,
  };
}

export class SqliteTieStore implements TieStore {
  constructor(private readonly database: SqlDatabase) {}

  private get db() {
    return this.database.db;
  }

  async list(q: TieQuery): Promise<Page<Tie>> {
    const fr = q.french ? normalizeName(q.french) : "";
    const ml = q.malian ? normalizeName(q.malian) : "";
    const where = and(
      fr ? like(ties.frenchNorm, `%${fr}%`) : undefined,
      ml ? like(ties.malianNorm, `%${ml}%`) : undefined,
      q.code
        ? or(eq(ties.frenchCode, q.code), eq(ties.malianCode, q.code), like(ties.malianCode, `${q.code}%`))
        : undefined,
    );
    const [rows, total] = await Promise.all([
      this.db.select().from(ties).where(where).orderBy(asc(ties.id)).limit(q.limit).offset(q.offset),
      this.db.select({ n: count() }).from(ties).where(where).get(),
    ]);
    return {
      items: rows.map((r) => JSON.parse(r.data) as Tie),
      total: total?.n ?? 0,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async all(): Promise<Tie[]> {
    const rows = await this.db.select().from(ties).orderBy(asc(ties.id));
    return rows.map((r) => JSON.parse(r.data) as Tie);
  }
}
