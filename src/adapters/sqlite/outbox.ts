import { and, asc, count, desc, eq, lte } from "drizzle-orm";
import type { OutboxStore } from "../../core/ports-curation.js";
import type { OutboxMessage, OutboxStatus } from "../../core/schemas/mail.js";
import type { Db } from "./database.js";
import { outbox } from "./schema.js";

const fromRow = (r: typeof outbox.$inferSelect): OutboxMessage => ({
  ...r,
  to: JSON.parse(r.to),
  headers: JSON.parse(r.headers),
  status: r.status as OutboxStatus,
});

export class SqliteOutboxStore implements OutboxStore {
  constructor(private readonly db: Db) {}

  async due(now: string, limit: number): Promise<OutboxMessage[]> {
    return this.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.createdAt), asc(outbox.id))
      .limit(limit)
      .all()
      .map(fromRow);
  }

  async markSent(id: string, at: string): Promise<boolean> {
    // Conditional: a message leaves "pending" exactly once.
    const res = this.db
      .update(outbox)
      .set({ status: "sent", sentAt: at, lastError: null })
      .where(and(eq(outbox.id, id), eq(outbox.status, "pending")))
      .run();
    return res.changes === 1;
  }

  async markAttemptFailed(id: string, error: string, nextAttemptAt: string, failed: boolean): Promise<void> {
    const row = this.db.select({ attempts: outbox.attempts }).from(outbox).where(eq(outbox.id, id)).get();
    this.db
      .update(outbox)
      .set({
        attempts: (row?.attempts ?? 0) + 1,
        lastError: error.slice(0, 500),
        nextAttemptAt,
        status: failed ? "failed" : "pending",
      })
      .where(and(eq(outbox.id, id), eq(outbox.status, "pending")))
      .run();
  }

  async list(filter: { status?: OutboxStatus; limit: number; offset: number }) {
    const where = filter.status ? eq(outbox.status, filter.status) : undefined;
    const items = this.db
      .select()
      .from(outbox)
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(filter.limit)
      .offset(filter.offset)
      .all()
      .map(fromRow);
    const total = this.db.select({ n: count() }).from(outbox).where(where).get()?.n ?? 0;
    return { items, total };
  }

  async retry(id: string, now: string): Promise<boolean> {
    const res = this.db
      .update(outbox)
      .set({ status: "pending", nextAttemptAt: now, attempts: 0 })
      .where(and(eq(outbox.id, id), eq(outbox.status, "failed")))
      .run();
    return res.changes === 1;
  }

  async counts(): Promise<Record<OutboxStatus, number>> {
    const out: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
    for (const r of this.db
      .select({ s: outbox.status, n: count() })
      .from(outbox)
      .groupBy(outbox.status)
      .all()) {
      out[r.s as OutboxStatus] = r.n;
    }
    return out;
  }
}
