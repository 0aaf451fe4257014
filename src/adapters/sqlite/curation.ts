import { and, asc, count, desc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { CurationStore, ReviewRecord } from "../../core/ports-curation.js";
import { pairKey } from "../../core/ranking/types.js";
import type { AlertSettings, AuditEntry } from "../../core/schemas/account.js";
import type { Interest, Introduction, IntroductionEvent } from "../../core/schemas/introduction.js";
import { chunks, type SqlDatabase } from "./database.js";
import {
  alertHits,
  alerts,
  audit,
  feedback,
  interests,
  introductionEvents,
  introductions,
  jobMarks,
  reviews,
} from "./schema.js";

const PARTNERED = new Set([
  "accepted",
  "first_meeting",
  "action_plan",
  "convention_signed",
  "implementation",
]);

const toInterest = (r: typeof interests.$inferSelect) =>
  ({ ...r, answers: JSON.parse(r.answers) }) as Interest;

export class SqliteCurationStore implements CurationStore {
  constructor(private readonly database: SqlDatabase) {}

  private get db() {
    return this.database.db;
  }

  async introduction(id: string): Promise<Introduction | null> {
    const row = await this.db.select().from(introductions).where(eq(introductions.id, id)).get();
    return row ? (JSON.parse(row.data) as Introduction) : null;
  }

  async introductions(filter: { phase?: string; profileIds?: string[] }): Promise<Introduction[]> {
    const phase = filter.phase ? eq(introductions.phase, filter.phase) : undefined;
    const query = (ids?: string[]) =>
      this.db
        .select()
        .from(introductions)
        .where(
          and(
            phase,
            ids ? or(inArray(introductions.maliId, ids), inArray(introductions.partnerId, ids)) : undefined,
          ),
        );
    // Each id is bound twice (either side): chunks of half the parameter budget.
    const rows = filter.profileIds
      ? (
          await Promise.all(
            chunks(filter.profileIds, Math.floor(this.database.maxParams / 2)).map((ids) => query(ids)),
          )
        ).flat()
      : await query();
    const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
    unique.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
    return unique.map((r) => JSON.parse(r.data) as Introduction);
  }

  async introductionEvents(id: string): Promise<IntroductionEvent[]> {
    const rows = await this.db
      .select()
      .from(introductionEvents)
      .where(eq(introductionEvents.introductionId, id))
      .orderBy(asc(introductionEvents.at), asc(introductionEvents.id));
    return rows as IntroductionEvent[];
  }

  async settledPairs(): Promise<Map<string, "partnered" | "declined">> {
    const out = new Map<string, "partnered" | "declined">();
    for (const r of await this.db.select().from(introductions)) {
      const i = JSON.parse(r.data) as Introduction;
      if (i.phase === "declined") out.set(pairKey(i.maliId, i.partnerId), "declined");
      else if (PARTNERED.has(i.phase) || (i.phase === "abandoned" && i.acceptedAt)) {
        out.set(pairKey(i.maliId, i.partnerId), "partnered");
      }
    }
    return out;
  }

  async introducedPairs(): Promise<Set<string>> {
    const rows = await this.db
      .select({ m: introductions.maliId, p: introductions.partnerId })
      .from(introductions);
    return new Set(rows.map((r) => pairKey(r.m, r.p)));
  }

  async interest(id: string): Promise<Interest | null> {
    const r = await this.db.select().from(interests).where(eq(interests.id, id)).get();
    return r ? toInterest(r) : null;
  }

  async interests(status?: Interest["status"]): Promise<Interest[]> {
    const rows = await this.db
      .select()
      .from(interests)
      .where(status ? eq(interests.status, status) : undefined)
      .orderBy(desc(interests.createdAt));
    return rows.map(toInterest);
  }

  async reviews(profileId: string): Promise<ReviewRecord[]> {
    const rows = await this.db
      .select()
      .from(reviews)
      .where(eq(reviews.profileId, profileId))
      .orderBy(desc(reviews.at));
    return rows.map((r) => ({ ...r, quality: r.quality ? JSON.parse(r.quality) : null }) as ReviewRecord);
  }

  async alertSettings(profileId: string) {
    const r = await this.db.select().from(alerts).where(eq(alerts.profileId, profileId)).get();
    return r
      ? { mode: r.mode as AlertSettings["mode"], threshold: r.threshold, lastDigestAt: r.lastDigestAt }
      : null;
  }

  async alertSubscribers(_side: "mali" | "partner") {
    // The side is checked by the caller against the loaded profiles.
    const rows = await this.db.select().from(alerts).where(ne(alerts.mode, "off"));
    return rows.map((r) => ({
      profileId: r.profileId,
      settings: { mode: r.mode as AlertSettings["mode"], threshold: r.threshold },
    }));
  }

  async pendingAlertHits() {
    return this.db.select().from(alertHits).where(isNull(alertHits.sentAt));
  }

  async audit(limit: number, offset: number) {
    const [rows, total] = await Promise.all([
      this.db.select().from(audit).orderBy(desc(audit.at), desc(audit.id)).limit(limit).offset(offset),
      this.db.select({ n: count() }).from(audit).get(),
    ]);
    return {
      items: rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) }) as AuditEntry),
      total: total?.n ?? 0,
    };
  }

  async hasJobMark(key: string): Promise<boolean> {
    return (await this.db.select().from(jobMarks).where(eq(jobMarks.key, key)).get()) !== undefined;
  }

  async feedbackFor(introductionId: string) {
    return this.db.select().from(feedback).where(eq(feedback.introductionId, introductionId));
  }
}
