import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { DomainError } from "../../core/errors.js";
import type * as schema from "./schema.js";

/**
 * The record, whatever the driver: libSQL on a file, in memory or on a primary (Node), D1
 * (Workers). One set of stores is written against drizzle's asynchronous SQLite API; what
 * differs between drivers is only how a list of statements is committed at once.
 */
export type Db = BaseSQLiteDatabase<"async", unknown, typeof schema>;

/** One SQL statement with its bound values, as drizzle's `toSQL()` gives it. */
export interface Statement {
  sql: string;
  params: unknown[];
}

export interface SqlDatabase {
  readonly db: Db;
  /** Which engine answers: "libsql-file", "libsql-memory", "libsql-remote" or "d1". */
  readonly driver: string;
  /** Most values one read may bind (D1: 100; SQLite: 32766): long `IN (…)` lists are cut to fit. */
  readonly maxParams: number;
  /**
   * Run the statements in order as one unit: all of them or none. No read happens between
   * them, so conditions are checked by guard statements inside the list (see guard()).
   */
  batch(statements: readonly Statement[]): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): void;
}

/**
 * A guard after a conditional write: when the previous statement did not change exactly one
 * row, it raises an error whose message carries the guard's name, and the whole batch rolls
 * back. No bound parameter (D1 refuses them in raw statements inside a batch, drizzle #2277),
 * and the JSON path is chosen at run time so that SQLite cannot evaluate the error branch
 * ahead of time.
 */
export function guard(name: GuardName): Statement {
  return {
    sql: `SELECT json_extract('{}', CASE WHEN changes() = 1 THEN '$' ELSE '$conflict:${name}' END)`,
    params: [],
  };
}

export const GUARDS = ["profile", "introduction", "token", "outbox_claim"] as const;
export type GuardName = (typeof GUARDS)[number];

/** Which guard failed, read from a driver's error message (libSQL and D1 word it alike). */
export function failedGuard(err: unknown): GuardName | null {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const m = /\$conflict:([a-z_]+)/.exec(e.message);
    if (m && (GUARDS as readonly string[]).includes(m[1] ?? "")) return m[1] as GuardName;
  }
  return null;
}

/** A unique or primary-key violation, recognised by message as D1 gives no code. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed|PRIMARY KEY constraint failed/.test(e.message)) return true;
  }
  return false;
}

const conflict = (what: string) => DomainError.conflict("server.concurrent_change", { what });

/** The domain error a failed batch means: 409 for a stale version, 410 for a spent token. */
export function batchError(err: unknown): unknown {
  const name = failedGuard(err);
  if (name === "token") {
    return DomainError.gone("token.gone");
  }
  if (name) return conflict(name);
  if (isUniqueViolation(err)) return conflict("unique");
  return err;
}

/**
 * D1 binds at most 100 values per statement; chunk long `IN (…)` lists and multi-row
 * inserts below that, whatever the driver, so that one statement list runs everywhere.
 */
export const MAX_PARAMS = 90;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** How many rows of `columns` values fit in one statement. */
export const rowsPerStatement = (columns: number, maxParams = MAX_PARAMS) =>
  Math.max(1, Math.floor(maxParams / Math.max(1, columns)));
