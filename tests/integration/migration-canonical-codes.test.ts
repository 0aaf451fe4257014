import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileUrl, MIGRATIONS, openDatabase } from "../../src/adapters/sqlite/libsql.js";

/** A database as the code before canonical codes left it: migrated up to 0001, French codes bare. */
async function legacyDatabase(dir: string): Promise<string> {
  const old = join(dir, "migrations-0001");
  cpSync(MIGRATIONS, old, { recursive: true });
  const journalFile = join(old, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < "0002");
  writeFileSync(journalFile, JSON.stringify(journal));
  const file = join(dir, "legacy.sqlite");
  const client = createClient({ url: fileUrl(file) });
  await migrate(drizzle(client), { migrationsFolder: old });
  const profile = (id: string, level: string, refCode: string | null, extra: Record<string, string>) =>
    client.execute({
      sql: `insert into profiles (id, side, status, name, country, level, region_code, data, contact, version, indexed_version, created_at, updated_at)
            values (?, 'partner', 'published', ?, 'FR', ?, ?, ?, '{}', 3, 3, '2025-01-01', '2025-01-01')`,
      args: [
        id,
        id,
        level,
        extra.regionCode ?? null,
        JSON.stringify({
          side: "partner",
          collectivite: { name: id, country: "FR", level, refCode, ...extra },
        }),
      ],
    });
  await profile("montreuil", "commune", "93048", { regionCode: "11", departementCode: "93" });
  await profile("essonne", "departement", "91", { regionCode: "11", departementCode: "91" });
  await profile("idf", "region", "region:11", { regionCode: "11" });
  await profile("liege", "commune", null, {});
  await client.execute({
    sql: "insert into ties (id, french_code, french_norm, malian_code, malian_norm, data) values (?, ?, ?, ?, ?, ?)",
    args: [
      "essonne--douentza",
      "91",
      "essonne",
      "ML0503",
      "douentza",
      JSON.stringify({
        id: "essonne--douentza",
        french: { name: "Essonne", kind: "departement", code: "91" },
      }),
    ],
  });
  client.close();
  return file;
}

describe("migration 0002: canonical codes", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "bap-test-migration-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("rewrites the French codes already stored in profiles and ties, and queues them for reindexing", async () => {
    const file = await legacyDatabase(dir);
    const db = await openDatabase(file);
    try {
      const rows = await db.db.all<{
        id: string;
        region_code: string | null;
        data: string;
        indexed_version: number;
      }>(sql`select id, region_code, data, indexed_version from profiles`);
      const byId = new Map(rows.map((r) => [r.id, { ...r, c: JSON.parse(r.data).collectivite }]));
      expect(byId.get("montreuil")?.c).toMatchObject({
        refCode: "commune:93048",
        regionCode: "region:11",
        departementCode: "departement:93",
      });
      expect(byId.get("montreuil")?.region_code).toBe("region:11");
      expect(byId.get("montreuil")?.indexed_version).toBe(0);
      expect(byId.get("essonne")?.c.refCode).toBe("departement:91");
      // Already canonical, or hand-entered: left as they were.
      expect(byId.get("idf")?.c.refCode).toBe("region:11");
      expect(byId.get("liege")?.c.refCode).toBeNull();
      expect(byId.get("liege")?.indexed_version).toBe(3);
      const [tie] = await db.db.all<{ french_code: string; data: string }>(
        sql`select french_code, data from ties`,
      );
      expect(tie?.french_code).toBe("departement:91");
      expect(JSON.parse(tie?.data ?? "{}").french.code).toBe("departement:91");
    } finally {
      db.close();
    }
  });
});
