import type { ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SqliteOutboxStore } from "../../src/adapters/sqlite/outbox.js";
import { openDatabase } from "../../src/adapters/sqlite/libsql.js";
import { SqliteUnitOfWork } from "../../src/adapters/sqlite/unit-of-work.js";
import { sha256 } from "../../src/core/security/tokens.js";
import { partnerInput } from "../helpers/fixtures.js";
import { type ServerProcess, startServer, stopChild, waitFor } from "../helpers/processes.js";
import { TestSmtp } from "../helpers/smtp.js";

/**
 * Two server processes on one database file, as two machines on one libSQL primary would
 * be: concurrent writes to the same profile keep exactly one winner per version, and no
 * e-mail committed by either is lost.
 */
describe("two servers on one database", () => {
  const dir = mkdtempSync(join(tmpdir(), "bap-test-two-"));
  const children: ChildProcess[] = [];
  const cookie = "two-servers-session-cookie-value";
  const csrf = "two-servers-csrf";
  let smtp: TestSmtp;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    const file = join(dir, "bourse.sqlite");
    copyFileSync(inject("templateDb"), file);
    // A staff session both servers accept, written to the record before they start.
    const database = await openDatabase(file);
    const at = new Date().toISOString();
    await new SqliteUnitOfWork(database).commit(
      {
        users: [
          { id: "staff-two", email: "staff.two@example.org", role: "staff", language: "fr", createdAt: at },
        ],
        sessions: [
          {
            idHash: await sha256(cookie),
            userId: "staff-two",
            csrf,
            expiresAt: "2030-01-01T00:00:00.000Z",
            createdAt: at,
          },
        ],
      },
      at,
    );
    database.close();
    const env = {
      MEILISEARCH_URL: inject("meiliUrl"),
      MEILISEARCH_KEY: inject("meiliKey"),
      MEILISEARCH_INDEX: `t_two_${process.pid}`,
      SMTP_URL: smtp.url,
      OUTBOX_INTERVAL_SECONDS: "1",
      TRUST_PROXY: "1",
    };
    a = await startServer(dir, children, env);
    b = await startServer(dir, children, env);
  }, 90_000);

  afterAll(async () => {
    for (const c of children) await stopChild(c);
    await smtp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const headers = {
    "content-type": "application/json",
    cookie: `bap_session=${cookie}`,
    "x-csrf-token": csrf,
  };

  it("keeps exactly one winner per version under concurrent writes to the same profile", async () => {
    const created = await fetch(`${a.url}/api/profiles`, {
      method: "POST",
      headers,
      body: JSON.stringify(partnerInput()),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const first = (await created.json()) as { id: string; version: number };
    const id = first.id;
    // The public answer has no contact: each writer sends a whole input, as the edit form does.
    const input = partnerInput();
    let version = first.version;
    for (let round = 0; round < 8; round++) {
      const attempts = Array.from({ length: 8 }, (_, i) =>
        fetch(`${(i % 2 === 0 ? a : b).url}/api/profiles/${id}`, {
          method: "PUT",
          headers: { ...headers, "if-match": `"${version}"` },
          body: JSON.stringify({ ...input, presentation: `Round ${round}, writer ${i}.` }),
        }),
      );
      const statuses = (await Promise.all(attempts)).map((r) => r.status);
      expect(
        statuses.filter((s) => s === 200),
        `round ${round}: ${statuses}`,
      ).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(7);
      const now = (await (await fetch(`${b.url}/api/profiles/${id}`)).json()) as { version: number };
      expect(now.version).toBe(version + 1);
      version = now.version;
    }
  }, 60_000);

  it("loses no e-mail committed by either server", async () => {
    const logins = Array.from({ length: 30 }, (_, i) =>
      fetch(`${(i % 2 === 0 ? a : b).url}/api/auth/login`, {
        method: "POST",
        // Each request comes through the trusted proxy from its own address.
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i + 1}` },
        body: JSON.stringify({ email: `two.${i}@example.org` }),
      }),
    );
    const statuses = (await Promise.all(logins)).map((r) => r.status);
    expect(
      statuses.every((s) => s === 202),
      String(statuses),
    ).toBe(true);
    const wanted = Array.from({ length: 30 }, (_, i) => `two.${i}@example.org`);
    await waitFor(
      "every sign-in e-mail to arrive",
      () => wanted.every((to) => smtp.received.some((m) => m.to.includes(to))),
      30_000,
    );
    // Both servers' senders look at the same outbox; each message is claimed by one of them.
    await new Promise((r) => setTimeout(r, 2_500));
    const deliveries = smtp.received.filter((m) => m.to.some((to) => wanted.includes(to))).length;
    console.log(`[two-servers] 30 sign-in e-mails committed, ${deliveries} deliveries received`);
    expect(deliveries).toBe(30);
    const database = await openDatabase(join(dir, "bourse.sqlite"));
    try {
      const page = await new SqliteOutboxStore(database).list({ limit: 500, offset: 0 });
      const logins = page.items.filter((m) => m.kind === "login");
      expect(logins).toHaveLength(30);
      await waitFor("every message marked sent", async () => {
        const again = await new SqliteOutboxStore(database).list({
          status: "pending",
          limit: 500,
          offset: 0,
        });
        return again.items.filter((m) => m.kind === "login").length === 0;
      });
    } finally {
      database.close();
    }
  }, 60_000);
});
