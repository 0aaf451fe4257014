import { and, eq, gt, sql } from "drizzle-orm";
import type { AccountStore } from "../../core/ports-curation.js";
import type { Session, User } from "../../core/schemas/account.js";
import type { SqlDatabase } from "./database.js";
import { rateLimits, sessions, tokens, users } from "./schema.js";

export class SqliteAccountStore implements AccountStore {
  constructor(private readonly database: SqlDatabase) {}

  private get db() {
    return this.database.db;
  }

  async userByEmail(email: string): Promise<User | null> {
    const row = await this.db.select().from(users).where(eq(users.email, email)).get();
    return (row as User | undefined) ?? null;
  }

  async userById(id: string): Promise<User | null> {
    const row = await this.db.select().from(users).where(eq(users.id, id)).get();
    return (row as User | undefined) ?? null;
  }

  async sessionByHash(idHash: string, now: string): Promise<Session | null> {
    const row = await this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)))
      .get();
    return row ?? null;
  }

  async token(nonce: string) {
    return (await this.db.select().from(tokens).where(eq(tokens.nonce, nonce)).get()) ?? null;
  }

  /**
   * One statement, atomic on every driver: a new window starts at 1, the current one counts
   * up. No read-then-write, so two processes never both see the same count.
   */
  async hit(key: string, windowSeconds: number, nowMs: number): Promise<number> {
    const windowStart = Math.floor(nowMs / 1000 / windowSeconds) * windowSeconds;
    const [row] = await this.db
      .insert(rateLimits)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
          windowStart: sql`excluded.window_start`,
        },
      })
      .returning({ count: rateLimits.count });
    return row?.count ?? 1;
  }
}
