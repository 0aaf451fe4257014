import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/d1";
import { migrate } from "drizzle-orm/d1/migrator";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteAccountStore } from "../../src/adapters/sqlite/accounts.js";
import { SqliteCurationStore } from "../../src/adapters/sqlite/curation.js";
import { type D1Binding, d1Database } from "../../src/adapters/sqlite/d1.js";
import type { SqlDatabase } from "../../src/adapters/sqlite/database.js";
import { MIGRATIONS, openDatabase } from "../../src/adapters/sqlite/libsql.js";
import { SqliteOutboxStore } from "../../src/adapters/sqlite/outbox.js";
import { SqliteProfileStore } from "../../src/adapters/sqlite/profile-store.js";
import { SqliteReferenceData, SqliteTieStore } from "../../src/adapters/sqlite/reference.js";
import { SqliteUnitOfWork } from "../../src/adapters/sqlite/unit-of-work.js";
import { DomainError } from "../../src/core/errors.js";
import type { ChangeSet } from "../../src/core/ports-curation.js";
import type { Introduction } from "../../src/core/schemas/introduction.js";
import type { OutboxMessage } from "../../src/core/schemas/mail.js";
import type { Profile } from "../../src/core/schemas/profile.js";
import { seedMali, seedTies } from "../../seeds/import-reference.js";
import { partnerInput, plancheInput } from "../helpers/fixtures.js";

/**
 * One suite, every driver available here: the same stores must behave the same on libSQL
 * (file and memory) and on D1 (Miniflare's local D1, the code Cloudflare runs).
 */
interface Driver {
  name: string;
  open(): Promise<SqlDatabase>;
  close(): Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), "bap-test-contract-"));
let mf: Miniflare | null = null;

const DRIVERS: Driver[] = [
  {
    name: "libSQL file",
    open: () => openDatabase(join(dir, "contract.sqlite")),
    close: async () => {},
  },
  { name: "libSQL memory", open: () => openDatabase(":memory:"), close: async () => {} },
  {
    name: "D1 (Miniflare)",
    async open() {
      mf = new Miniflare({
        modules: true,
        script: "export default { fetch() { return new Response('') } }",
        d1Databases: ["DB"],
        d1Persist: false,
      });
      const binding = (await mf.getD1Database("DB")) as unknown as D1Binding;
      await migrate(drizzle(binding as never), { migrationsFolder: MIGRATIONS });
      return d1Database(binding);
    },
    async close() {
      await mf?.dispose();
      mf = null;
    },
  },
];

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = "2026-11-01T10:00:00.000Z";

function profile(id: string, side: "mali" | "partner", version = 1): Profile {
  const input = side === "mali" ? plancheInput() : partnerInput();
  return {
    ...(input as unknown as Profile),
    languages: ["fr"],
    modalities: [],
    id,
    status: "published",
    version,
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
    expiresAt: null,
    ownerId: null,
  } as Profile;
}

const message = (id: string, createdAt: string): OutboxMessage => ({
  id,
  kind: "test",
  to: [`${id}@example.org`],
  subject: id,
  text: id,
  html: `<p>${id}</p>`,
  headers: {},
  status: "pending",
  attempts: 0,
  nextAttemptAt: createdAt,
  lastError: null,
  createdAt,
  sentAt: null,
});

function intro(id: string, version: number): Introduction {
  return {
    id,
    maliId: "m1",
    partnerId: "p1",
    phase: "proposed",
    origin: "staff",
    note: "",
    proposedBy: "staff",
    responses: { mali: "pending", partner: "pending" },
    why: { fr: [], en: [] },
    score: 0.5,
    expiresAt: "2026-12-01T00:00:00.000Z",
    acceptedAt: null,
    version,
    createdAt: at,
    updatedAt: at,
  };
}

const token = (nonce: string) => ({
  nonce,
  purpose: "login",
  subject: "{}",
  expiresAt: "2030-01-01T00:00:00.000Z",
  createdAt: at,
});

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

for (const driver of DRIVERS) {
  describe(`storage contract on ${driver.name}`, () => {
    let database: SqlDatabase;
    let store: SqliteProfileStore;
    let uow: SqliteUnitOfWork;
    let outbox: SqliteOutboxStore;
    let accounts: SqliteAccountStore;
    let curation: SqliteCurationStore;
    beforeAll(async () => {
      database = await driver.open();
      store = new SqliteProfileStore(database);
      uow = new SqliteUnitOfWork(database);
      outbox = new SqliteOutboxStore(database);
      accounts = new SqliteAccountStore(database);
      curation = new SqliteCurationStore(database);
    }, 60_000);
    afterAll(async () => {
      database?.close();
      await driver.close();
    });

    it("answers a ping", async () => {
      expect(await database.ping()).toBe(true);
    });

    it("keeps versions: a replace with the expected version wins once, a stale one loses", async () => {
      await store.insert(profile("v1", "mali"));
      expect(await store.replace({ ...profile("v1", "mali", 2) }, 1)).toBe(true);
      expect(await store.replace({ ...profile("v1", "mali", 2) }, 1)).toBe(false);
      expect((await store.get("v1"))?.version).toBe(2);
      expect(await store.get("nope")).toBeNull();
    });

    it("reads more ids than one statement may bind, and lists with a total", async () => {
      const ids = Array.from({ length: 230 }, (_, i) => `bulk-${String(i).padStart(3, "0")}`);
      for (const id of ids) await store.insert(profile(id, "partner"));
      const got = await store.getMany(ids);
      expect(got.map((p) => p.id).sort()).toEqual(ids);
      expect(got[0]?.contact.email).toBe("ri.test@example.org");
      const page = await store.list({ side: "partner", limit: 10, offset: 0 });
      expect(page.items).toHaveLength(10);
      expect(page.total).toBeGreaterThanOrEqual(230);
    });

    it("moves the index mark forward only", async () => {
      await store.insert(profile("ix", "mali", 3));
      expect((await store.pendingIndex(1000)).some((p) => p.id === "ix")).toBe(true);
      await store.markIndexed([{ id: "ix", version: 3 }]);
      await store.markIndexed([{ id: "ix", version: 2 }]);
      expect((await store.pendingIndex(1000)).some((p) => p.id === "ix")).toBe(false);
      const lag = await store.countPendingIndex();
      await store.resetIndexed();
      expect(await store.countPendingIndex()).toBeGreaterThan(lag);
    });

    it("commits a whole change set, and rolls all of it back when a profile version is stale", async () => {
      await uow.commit({ issueTokens: [token("t-ok"), token("t-stale")] }, at);
      await uow.commit(
        { useTokens: ["t-ok"], profiles: [{ profile: profile("v1", "mali", 3), expectedVersion: 2 }] },
        at,
      );
      expect((await store.get("v1"))?.version).toBe(3);
      expect((await accounts.token("t-ok"))?.usedAt).toBe(at);

      const stale: ChangeSet = {
        useTokens: ["t-stale"],
        profiles: [{ profile: profile("v1", "mali", 4), expectedVersion: 2 }],
        outbox: [message("never-sent", at)],
        audit: [{ id: "a-never", at, actorId: "x", action: "x", targetType: "x", targetId: "x", detail: {} }],
      };
      const err = await rejection(uow.commit(stale, at));
      expect(err.code).toBe("conflict");
      expect(err.detail.en).toContain("profile");
      // Nothing of it stayed: the token earlier in the batch, the outbox row after it.
      expect((await accounts.token("t-stale"))?.usedAt).toBeNull();
      expect((await outbox.list({ limit: 500, offset: 0 })).items.some((m) => m.id === "never-sent")).toBe(
        false,
      );
      expect((await store.get("v1"))?.version).toBe(3);
    });

    it("refuses a spent token with 'gone', and an introduction version conflict", async () => {
      const spent = await rejection(
        uow.commit({ useTokens: ["t-ok"], outbox: [message("after-spent", at)] }, at),
      );
      expect(spent.code).toBe("gone");
      expect((await outbox.list({ limit: 500, offset: 0 })).items.some((m) => m.id === "after-spent")).toBe(
        false,
      );

      await uow.commit({ introductions: [{ introduction: intro("i1", 1), expectedVersion: null }] }, at);
      await uow.commit({ introductions: [{ introduction: intro("i1", 2), expectedVersion: 1 }] }, at);
      const conflict = await rejection(
        uow.commit({ introductions: [{ introduction: intro("i1", 3), expectedVersion: 1 }] }, at),
      );
      expect(conflict.code).toBe("conflict");
      expect((await curation.introduction("i1"))?.version).toBe(2);
    });

    it("runs a job once: a second mark fails whole", async () => {
      await uow.commit({ jobMarks: ["job:once"] }, at);
      const again = await rejection(
        uow.commit({ jobMarks: ["job:once"], outbox: [message("dup-job", at)] }, at),
      );
      expect(again.code).toBe("conflict");
      expect(await curation.hasJobMark("job:once")).toBe(true);
      expect((await outbox.list({ limit: 500, offset: 0 })).items.some((m) => m.id === "dup-job")).toBe(
        false,
      );
    });

    it("delivers the outbox oldest first, marks a message sent once, and counts attempts", async () => {
      await uow.commit(
        {
          outbox: [
            message("o-b", "2026-11-01T10:00:02.000Z"),
            message("o-a", "2026-11-01T10:00:01.000Z"),
            message("o-c", "2026-11-01T10:00:03.000Z"),
          ],
        },
        at,
      );
      const due = await outbox.due("2026-11-01T11:00:00.000Z", 100);
      const order = due.map((m) => m.id).filter((id) => id.startsWith("o-"));
      expect(order).toEqual(["o-a", "o-b", "o-c"]);
      expect(await outbox.markSent("o-a", at)).toBe(true);
      expect(await outbox.markSent("o-a", at)).toBe(false);
      await outbox.markAttemptFailed("o-b", "smtp down", "2026-11-01T10:05:00.000Z", false);
      await outbox.markAttemptFailed("o-b", "smtp down", "2026-11-01T10:10:00.000Z", true);
      const failed = (await outbox.list({ status: "failed", limit: 10, offset: 0 })).items.find(
        (m) => m.id === "o-b",
      );
      expect(failed).toMatchObject({ attempts: 2, lastError: "smtp down" });
      expect(await outbox.retry("o-b", at)).toBe(true);
      const counts = await outbox.counts();
      expect(counts.sent).toBeGreaterThanOrEqual(1);
      expect(counts.pending).toBeGreaterThanOrEqual(2);
    });

    it("lets one sender at a time claim a message, until its claim runs out", async () => {
      await uow.commit({ outbox: [message("claim-me", at)] }, at);
      const claim = (owner: string, now: string, until: string) =>
        uow.commit({ claimOutbox: [{ id: "claim-me", owner, until, now }] }, now);
      await claim("a", "2026-11-01T10:00:00.000Z", "2026-11-01T10:05:00.000Z");
      const taken = await rejection(claim("b", "2026-11-01T10:01:00.000Z", "2026-11-01T10:06:00.000Z"));
      expect(taken.code).toBe("conflict");
      expect(taken.detail.en).toContain("outbox_claim");
      // While claimed, it is not due for anyone; after the claim runs out, another sender may take it.
      expect((await outbox.due("2026-11-01T10:01:00.000Z", 500)).some((m) => m.id === "claim-me")).toBe(
        false,
      );
      expect((await outbox.due("2026-11-01T10:06:00.000Z", 500)).some((m) => m.id === "claim-me")).toBe(true);
      await claim("b", "2026-11-01T10:06:00.000Z", "2026-11-01T10:11:00.000Z");
      expect(await outbox.markSent("claim-me", at)).toBe(true);
      expect((await rejection(claim("c", "2026-11-01T11:00:00.000Z", "2026-11-01T11:05:00.000Z"))).code).toBe(
        "conflict",
      );
    });

    it("counts rate-limit hits in one statement: concurrent hits get distinct counts; a new window restarts", async () => {
      const now = Date.UTC(2026, 10, 1, 10, 0, 0);
      const counts = await Promise.all(Array.from({ length: 12 }, () => accounts.hit("k", 900, now)));
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(await accounts.hit("k", 900, now + 900_000)).toBe(1);
      expect(await accounts.hit("other", 900, now)).toBe(1);
    });

    it("deletes more sessions than one statement may bind", async () => {
      const sessions = Array.from({ length: 120 }, (_, i) => ({
        idHash: `h${i}`,
        userId: "u",
        csrf: "c",
        expiresAt: "2030-01-01T00:00:00.000Z",
        createdAt: at,
      }));
      await uow.commit({ sessions }, at);
      expect(await accounts.sessionByHash("h119", at)).not.toBeNull();
      await uow.commit({ deleteSessions: sessions.map((s) => s.idHash) }, at);
      expect(await accounts.sessionByHash("h0", at)).toBeNull();
      expect(await accounts.sessionByHash("h119", at)).toBeNull();
    });

    it("loads reference data in one batch and finds Ségou from 'Segou', the région first", async () => {
      const quiet = () => {};
      await seedMali(database, quiet);
      await seedTies(database, quiet);
      const reference = new SqliteReferenceData(database);
      const found = await reference.searchMali("Segou", { limit: 5 });
      expect(found[0]).toMatchObject({ name: "Ségou", level: "region", code: "ML04" });
      expect((await reference.allMali()).length).toBe(762);
      const ties = await new SqliteTieStore(database).list({ code: "departement:91", limit: 10, offset: 0 });
      expect(ties.total).toBeGreaterThan(0);
    }, 60_000);

    it("finds the introductions of more profiles than one statement may bind", async () => {
      const ids = Array.from({ length: 150 }, (_, i) => `x${i}`);
      expect(await curation.introductions({ profileIds: [...ids, "m1"] })).toHaveLength(1);
      expect((await curation.settledPairs()).size).toBe(0);
    });
  });
}
