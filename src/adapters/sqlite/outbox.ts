import { and, asc, count, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { OutboxStore } from "../../core/ports-curation.js";
import type { OutboxMessage, OutboxStatus } from "../../core/schemas/mail.js";
import type { SqlDatabase } from "./database.js";
import { outbox } from "./schema.js";

const fromRow = ({
  claimedBy: _by,
  claimedUntil: _until,
  ...r
}: typeof outbox.$inferSelect): OutboxMessage => ({
  ...r,
  to: JSON.parse(r.to),
  headers: JSON.parse(r.headers),
  status: r.status as OutboxStatus,
});

export class SqliteOutboxStore implements OutboxStore {
  constructor(private readonly database: SqlDatabase) {}

  private get db() {
    return this.database.db;
  }

  async due(now: string, limit: number): Promise<OutboxMessage[]> {
    const rows = await this.db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.status, "pending"),
          lte(outbox.nextAttemptAt, now),
          // Not while another sender holds it.
          or(isNull(outbox.claimedUntil), lte(outbox.claimedUntil, now)),
        ),
      )
      .orderBy(asc(outbox.createdAt), asc(outbox.id))
      .limit(limit);
    return rows.map(fromRow);
  }

  async markSent(id: string, at: string): Promise<boolean> {
    // Conditional: a message leaves "pending" exactly once.
    const updated = await this.db
      .update(outbox)
      .set({ status: "sent", sentAt: at, lastError: null })
      .where(and(eq(outbox.id, id), eq(outbox.status, "pending")))
      .returning({ id: outbox.id });
    return updated.length === 1;
  }

  async markAttemptFailed(id: string, error: string, nextAttemptAt: string, failed: boolean): Promise<void> {
    await this.db
      .update(outbox)
      .set({
        attempts: sql`${outbox.attempts} + 1`,
        lastError: error.slice(0, 500),
        nextAttemptAt,
        status: failed ? "failed" : "pending",
        claimedBy: null,
        claimedUntil: null,
      })
      .where(and(eq(outbox.id, id), eq(outbox.status, "pending")));
  }

  async list(filter: { status?: OutboxStatus; limit: number; offset: number }) {
    const where = filter.status ? eq(outbox.status, filter.status) : undefined;
    const [rows, total] = await Promise.all([
      this.db
        .select()
        .from(outbox)
        .where(where)
        .orderBy(desc(outbox.createdAt), desc(outbox.id))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.select({ n: count() }).from(outbox).where(where).get(),
    ]);
    return { items: rows.map(fromRow), total: total?.n ?? 0 };
  }

  async retry(id: string, now: string): Promise<boolean> {
    const updated = await this.db
      .update(outbox)
      .set({ status: "pending", nextAttemptAt: now, attempts: 0 })
      .where(and(eq(outbox.id, id), eq(outbox.status, "failed")))
      .returning({ id: outbox.id });
    return updated.length === 1;
  }

  async counts(): Promise<Record<OutboxStatus, number>> {
    const out: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
    const rows = await this.db.select({ s: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
    for (const r of rows) out[r.s as OutboxStatus] = r.n;
    return out;
  }
}
