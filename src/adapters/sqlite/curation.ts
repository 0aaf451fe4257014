import { and, asc, count, desc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { CurationStore, ReviewRecord } from "../../core/ports-curation.js";
import { pairKey } from "../../core/ranking/types.js";
import type { AlertSettings, AuditEntry } from "../../core/schemas/account.js";
import type { Interest, Introduction } from "../../core/schemas/introduction.js";
import type { Db } from "./database.js";
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

export class SqliteCurationStore implements CurationStore {
  constructor(private readonly db: Db) {}

  async introduction(id: string): Promise<Introduction | null> {
    const row = this.db.select().from(introductions).where(eq(introductions.id, id)).get();
    return row ? (JSON.parse(row.data) as Introduction) : null;
  }

  async introductions(filter: { phase?: string; profileIds?: string[] }): Promise<Introduction[]> {
    const ids = filter.profileIds;
    return this.db
      .select()
      .from(introductions)
      .where(
        and(
          filter.phase ? eq(introductions.phase, filter.phase) : undefined,
          ids ? or(inArray(introductions.maliId, ids), inArray(introductions.partnerId, ids)) : undefined,
        ),
      )
      .orderBy(desc(introductions.updatedAt), asc(introductions.id))
      .all()
      .map((r) => JSON.parse(r.data) as Introduction);
  }

  async introductionEvents(id: string) {
    return this.db
      .select()
      .from(introductionEvents)
      .where(eq(introductionEvents.introductionId, id))
      .orderBy(asc(introductionEvents.at), asc(introductionEvents.id))
      .all() as Awaited<ReturnType<CurationStore["introductionEvents"]>>;
  }

  async settledPairs(): Promise<Map<string, "partnered" | "declined">> {
    const out = new Map<string, "partnered" | "declined">();
    for (const r of this.db.select().from(introductions).all()) {
      const i = JSON.parse(r.data) as Introduction;
      if (i.phase === "declined") out.set(pairKey(i.maliId, i.partnerId), "declined");
      else if (PARTNERED.has(i.phase) || (i.phase === "abandoned" && i.acceptedAt)) {
        out.set(pairKey(i.maliId, i.partnerId), "partnered");
      }
    }
    return out;
  }

  async introducedPairs(): Promise<Set<string>> {
    return new Set(
      this.db
        .select({ m: introductions.maliId, p: introductions.partnerId })
        .from(introductions)
        .all()
        .map((r) => pairKey(r.m, r.p)),
    );
  }

  async interest(id: string): Promise<Interest | null> {
    const r = this.db.select().from(interests).where(eq(interests.id, id)).get();
    return r ? ({ ...r, answers: JSON.parse(r.answers) } as Interest) : null;
  }

  async interests(status?: Interest["status"]): Promise<Interest[]> {
    return this.db
      .select()
      .from(interests)
      .where(status ? eq(interests.status, status) : undefined)
      .orderBy(desc(interests.createdAt))
      .all()
      .map((r) => ({ ...r, answers: JSON.parse(r.answers) }) as Interest);
  }

  async reviews(profileId: string): Promise<ReviewRecord[]> {
    return this.db
      .select()
      .from(reviews)
      .where(eq(reviews.profileId, profileId))
      .orderBy(desc(reviews.at))
      .all()
      .map((r) => ({ ...r, quality: r.quality ? JSON.parse(r.quality) : null }) as ReviewRecord);
  }

  async alertSettings(profileId: string) {
    const r = this.db.select().from(alerts).where(eq(alerts.profileId, profileId)).get();
    return r
      ? { mode: r.mode as AlertSettings["mode"], threshold: r.threshold, lastDigestAt: r.lastDigestAt }
      : null;
  }

  async alertSubscribers(_side: "mali" | "partner") {
    // The side is checked by the caller against the loaded profiles.
    return this.db
      .select()
      .from(alerts)
      .where(ne(alerts.mode, "off"))
      .all()
      .map((r) => ({
        profileId: r.profileId,
        settings: { mode: r.mode as AlertSettings["mode"], threshold: r.threshold },
      }));
  }

  async pendingAlertHits() {
    return this.db.select().from(alertHits).where(isNull(alertHits.sentAt)).all();
  }

  async audit(limit: number, offset: number) {
    const items = this.db
      .select()
      .from(audit)
      .orderBy(desc(audit.at), desc(audit.id))
      .limit(limit)
      .offset(offset)
      .all()
      .map((r) => ({ ...r, detail: JSON.parse(r.detail) }) as AuditEntry);
    const total = this.db.select({ n: count() }).from(audit).get()?.n ?? 0;
    return { items, total };
  }

  async hasJobMark(key: string): Promise<boolean> {
    return this.db.select().from(jobMarks).where(eq(jobMarks.key, key)).get() !== undefined;
  }

  async feedbackFor(introductionId: string) {
    return this.db.select().from(feedback).where(eq(feedback.introductionId, introductionId)).all();
  }
}
