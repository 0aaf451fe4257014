import { and, eq, gt } from "drizzle-orm";
import type { AccountStore } from "../../core/ports-curation.js";
import type { Session, User } from "../../core/schemas/account.js";
import type { Db } from "./database.js";
import { rateLimits, sessions, tokens, users } from "./schema.js";

export class SqliteAccountStore implements AccountStore {
  constructor(private readonly db: Db) {}

  async userByEmail(email: string): Promise<User | null> {
    return (this.db.select().from(users).where(eq(users.email, email)).get() as User | undefined) ?? null;
  }

  async userById(id: string): Promise<User | null> {
    return (this.db.select().from(users).where(eq(users.id, id)).get() as User | undefined) ?? null;
  }

  async sessionByHash(idHash: string, now: string): Promise<Session | null> {
    return (
      this.db
        .select()
        .from(sessions)
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)))
        .get() ?? null
    );
  }

  async token(nonce: string) {
    return this.db.select().from(tokens).where(eq(tokens.nonce, nonce)).get() ?? null;
  }

  async hit(key: string, windowSeconds: number, nowMs: number): Promise<number> {
    const windowStart = Math.floor(nowMs / 1000 / windowSeconds) * windowSeconds;
    return this.db.transaction((tx) => {
      const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
      const count = row && row.windowStart === windowStart ? row.count + 1 : 1;
      tx.insert(rateLimits)
        .values({ key, windowStart, count })
        .onConflictDoUpdate({ target: rateLimits.key, set: { windowStart, count } })
        .run();
      return count;
    });
  }
}
