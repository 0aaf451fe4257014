import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteAccountStore } from "../../src/adapters/sqlite/accounts.js";
import { SqliteCurationStore } from "../../src/adapters/sqlite/curation.js";
import type { SqlDatabase } from "../../src/adapters/sqlite/database.js";
import { MIGRATIONS, openDatabase } from "../../src/adapters/sqlite/libsql.js";
import { SqliteOutboxStore } from "../../src/adapters/sqlite/outbox.js";
import { SqliteProfileStore } from "../../src/adapters/sqlite/profile-store.js";
import { SqliteReferenceData } from "../../src/adapters/sqlite/reference.js";
import { SqliteUnitOfWork } from "../../src/adapters/sqlite/unit-of-work.js";

/** tests/fixtures/bourse-before-libsql.sqlite was written by the better-sqlite3 code (see its README). */
const FIXTURE = new URL("../fixtures/bourse-before-libsql.sqlite", import.meta.url).pathname;

describe("a data directory written before libSQL", () => {
  const dir = mkdtempSync(join(tmpdir(), "bap-test-legacy-"));
  let database: SqlDatabase;
  beforeAll(async () => {
    const file = join(dir, "bourse.sqlite");
    copyFileSync(FIXTURE, file);
    database = await openDatabase(file);
  });
  afterAll(() => {
    database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens as it is: the same migrations journal, each migration applied once, the later ones added", async () => {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    const applied = await database.db.all<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`);
    expect(applied[0]?.n).toBe(journal.entries.length);
  });

  it("reads what the old code wrote: profiles, reference, sessions, tokens, introductions, outbox", async () => {
    const store = new SqliteProfileStore(database);
    const planche = await store.get("p002");
    expect(planche).toMatchObject({ side: "mali", status: "published", ownerId: "u-contact" });
    expect(planche?.contact.email).toBe("sg.test@example.org");
    expect((await store.list({ status: "pending_review", limit: 10, offset: 0 })).total).toBe(1);
    expect((await new SqliteReferenceData(database).maliUnit("ML010701"))?.name).toBe("Diafounou Diongaga");
    const accounts = new SqliteAccountStore(database);
    expect((await accounts.userByEmail("staff.fixture@example.org"))?.role).toBe("staff");
    expect(await accounts.sessionByHash("f".repeat(64), "2026-12-01T00:00:00.000Z")).not.toBeNull();
    expect((await accounts.token("nonce-used"))?.usedAt).not.toBeNull();
    const curation = new SqliteCurationStore(database);
    expect((await curation.introduction("i001"))?.phase).toBe("proposed");
    expect(await curation.introductionEvents("i001")).toHaveLength(1);
    expect(await curation.hasJobMark("reminder:intro:i001")).toBe(true);
    const outbox = new SqliteOutboxStore(database);
    expect(await outbox.counts()).toEqual({ pending: 1, sent: 1, failed: 0 });
  });

  it("works: a versioned write, a spent token refused, a new token used once", async () => {
    const store = new SqliteProfileStore(database);
    const partner = await store.get("p005");
    expect(partner).not.toBeNull();
    if (!partner) return;
    expect(await store.replace({ ...partner, version: partner.version + 1 }, partner.version)).toBe(true);
    expect(await store.replace({ ...partner, version: partner.version + 1 }, partner.version)).toBe(false);
    const uow = new SqliteUnitOfWork(database);
    const at = "2026-12-02T10:00:00.000Z";
    await expect(uow.commit({ useTokens: ["nonce-used"] }, at)).rejects.toMatchObject({ code: "gone" });
    await uow.commit({ useTokens: ["nonce-unused"] }, at);
    expect((await new SqliteAccountStore(database).token("nonce-unused"))?.usedAt).toBe(at);
    expect(await new SqliteOutboxStore(database).markSent("m001", at)).toBe(true);
  });
});
