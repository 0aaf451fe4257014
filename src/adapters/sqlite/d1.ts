import { drizzle } from "drizzle-orm/d1";
import { batchError, MAX_PARAMS, type SqlDatabase, type Statement } from "./database.js";
import * as schema from "./schema.js";

/** The part of Cloudflare's D1 binding the record uses (no Node import: this runs in Workers). */
export interface D1Binding {
  prepare(sql: string): D1Prepared;
  batch(statements: D1Prepared[]): Promise<unknown[]>;
}
export interface D1Prepared {
  bind(...values: unknown[]): D1Prepared;
  first(): Promise<unknown>;
}

/**
 * The same stores over D1. D1 has no interactive transaction: a batch is its unit of work,
 * which is exactly what the change-set compiler produces. Migrations are applied by
 * `wrangler d1 migrations apply` (or the test pool), from the same SQL files.
 */
export function d1Database(binding: D1Binding): SqlDatabase {
  const db = drizzle(binding as Parameters<typeof drizzle>[0], { schema });
  return {
    db,
    driver: "d1",
    maxParams: MAX_PARAMS,
    async batch(statements: readonly Statement[]) {
      if (statements.length === 0) return;
      try {
        await binding.batch(statements.map((s) => binding.prepare(s.sql).bind(...s.params)));
      } catch (err) {
        throw batchError(err);
      }
    },
    async ping() {
      try {
        await binding.prepare("select 1").first();
        return true;
      } catch {
        return false;
      }
    },
    close: () => {},
  };
}
