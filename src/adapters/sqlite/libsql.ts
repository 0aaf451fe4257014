import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Client, createClient, type InArgs } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { batchError, type SqlDatabase, type Statement } from "./database.js";
import * as schema from "./schema.js";

export const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** Where the record is: a SQLite file (the default), memory, or a libSQL primary. */
export type DatabaseTarget =
  | { file: string }
  | { url: string; authToken?: string }
  /** An embedded replica: reads from the local file, writes go to the primary. */
  | { file: string; syncUrl: string; authToken?: string };

/** A file path as a `file:` URL; ":memory:" stays in memory. */
export function fileUrl(file: string): string {
  return file === ":memory:" ? ":memory:" : pathToFileURL(resolve(file)).href;
}

function clientFor(target: DatabaseTarget): { client: Client; driver: string } {
  // Two processes on one file wait for each other's write lock rather than fail at once.
  const timeout = 5_000;
  if ("syncUrl" in target) {
    mkdirSync(dirname(resolve(target.file)), { recursive: true });
    return {
      client: createClient({
        url: fileUrl(target.file),
        syncUrl: target.syncUrl,
        authToken: target.authToken,
        timeout,
      }),
      driver: "libsql-replica",
    };
  }
  if ("url" in target) {
    return {
      client: createClient({ url: target.url, authToken: target.authToken }),
      driver: "libsql-remote",
    };
  }
  if (target.file === ":memory:")
    return { client: createClient({ url: ":memory:" }), driver: "libsql-memory" };
  mkdirSync(dirname(resolve(target.file)), { recursive: true });
  // One connection: every call borrows it synchronously and gives it back, so calls never
  // wait long, and the connection settings below hold for all of them.
  return {
    client: createClient({ url: fileUrl(target.file), timeout, concurrency: 1 }),
    driver: "libsql-file",
  };
}

/**
 * Open the record through libSQL and bring its schema up to date. A data file written by
 * the earlier better-sqlite3 driver opens as it is: same file format, same migrations journal.
 */
export async function openDatabase(target: DatabaseTarget | string): Promise<SqlDatabase> {
  const t = typeof target === "string" ? { file: target } : target;
  const { client, driver } = clientFor(t);
  try {
    if (driver === "libsql-file" || driver === "libsql-replica") {
      // WAL lets readers go on while one process writes; the setting stays with the file.
      await client.execute("PRAGMA journal_mode = WAL");
      // As better-sqlite3 did: in WAL mode a commit survives a crash of the process, and only
      // a power loss may drop the last commits; no fsync on every commit.
      await client.execute("PRAGMA synchronous = NORMAL");
    }
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS });
    return libsqlDatabase(client, driver);
  } catch (err) {
    client.close();
    throw err;
  }
}

export function libsqlDatabase(client: Client, driver = "libsql"): SqlDatabase {
  const db = drizzle(client, { schema });
  return {
    db,
    driver,
    maxParams: 999,
    async batch(statements: readonly Statement[]) {
      if (statements.length === 0) return;
      try {
        // "write" takes the write lock at BEGIN: no upgrade from a read lock mid-batch.
        await client.batch(
          statements.map((s) => ({ sql: s.sql, args: s.params as InArgs })),
          "write",
        );
      } catch (err) {
        throw batchError(err);
      }
    },
    async ping() {
      try {
        await client.execute("select 1");
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}
