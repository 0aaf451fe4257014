import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The system of record. Profiles keep their validated input as JSON (`data`, without
 * contact) beside the private `contact` column, plus the few columns that queries filter
 * on. `indexed_version` trails `version` until the search index has caught up.
 */
export const profiles = sqliteTable(
  "profiles",
  {
    id: text("id").primaryKey(),
    side: text("side").notNull(),
    status: text("status").notNull(),
    ownerId: text("owner_id"),
    name: text("name").notNull(),
    country: text("country").notNull(),
    level: text("level").notNull(),
    regionCode: text("region_code"),
    cercleCode: text("cercle_code"),
    population: integer("population"),
    data: text("data").notNull(),
    contact: text("contact").notNull(),
    version: integer("version").notNull(),
    indexedVersion: integer("indexed_version").notNull().default(0),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    publishedAt: text("published_at"),
    expiresAt: text("expires_at"),
  },
  (t) => [
    index("profiles_side_status").on(t.side, t.status),
    index("profiles_owner").on(t.ownerId),
    index("profiles_pending_index").on(t.indexedVersion, t.version),
  ],
);

export const refMali = sqliteTable(
  "ref_mali",
  {
    pcode: text("pcode").primaryKey(),
    level: text("level").notNull(),
    name: text("name").notNull(),
    nameNorm: text("name_norm").notNull(),
    population: integer("population"),
    cercleCode: text("cercle_code"),
    cercleName: text("cercle_name"),
    regionCode: text("region_code"),
    regionName: text("region_name"),
    region2023: text("region_2023"),
    lat: real("lat"),
    lon: real("lon"),
  },
  (t) => [index("ref_mali_name").on(t.nameNorm)],
);

export const refFrance = sqliteTable(
  "ref_france",
  {
    /** `${kind}:${code}`: a région and a département may share a code ("11"). */
    id: text("id").primaryKey(),
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    nameNorm: text("name_norm").notNull(),
    population: integer("population"),
    departementCode: text("departement_code"),
    regionCode: text("region_code"),
    regionName: text("region_name"),
  },
  (t) => [index("ref_france_name").on(t.nameNorm), index("ref_france_code").on(t.code)],
);

export const ties = sqliteTable(
  "ties",
  {
    id: text("id").primaryKey(),
    frenchCode: text("french_code"),
    frenchNorm: text("french_norm").notNull(),
    malianCode: text("malian_code"),
    malianNorm: text("malian_norm").notNull(),
    data: text("data").notNull(),
  },
  (t) => [index("ties_french").on(t.frenchCode), index("ties_malian").on(t.malianCode)],
);

/** Which version of each seed source is loaded, so that seeding is idempotent and cheap. */
export const seedState = sqliteTable("seed_state", {
  source: text("source").primaryKey(),
  hash: text("hash").notNull(),
  rows: integer("rows").notNull(),
  loadedAt: text("loaded_at").notNull(),
});
