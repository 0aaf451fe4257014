import { and, eq, inArray, isNull } from "drizzle-orm";
import { DomainError } from "../../core/errors.js";
import type { ChangeSet, UnitOfWork } from "../../core/ports-curation.js";
import type { Db } from "./database.js";
import { profileRow } from "./profile-store.js";
import {
  alertHits,
  alerts,
  audit,
  feedback,
  interests,
  introductionEvents,
  introductions,
  jobMarks,
  outbox,
  profiles,
  reviews,
  sessions,
  tokens,
  users,
} from "./schema.js";

const conflict = (what: string) =>
  new DomainError("conflict", {
    fr: `Modification concurrente (${what}) ; rechargez et réessayez.`,
    en: `Concurrent change (${what}); reload and try again.`,
  });

/**
 * Applies a whole ChangeSet in one SQLite transaction. better-sqlite3 runs it synchronously,
 * so no other request's statements can interleave; any failed expectation rolls all back.
 */
export class SqliteUnitOfWork implements UnitOfWork {
  constructor(private readonly db: Db) {}

  async commit(c: ChangeSet, at: string): Promise<void> {
    try {
      this.apply(c, at);
    } catch (err) {
      if (err instanceof Error && "code" in err && String(err.code).startsWith("SQLITE_CONSTRAINT")) {
        throw conflict("unique");
      }
      throw err;
    }
  }

  private apply(c: ChangeSet, at: string): void {
    this.db.transaction((tx) => {
      for (const nonce of c.useTokens ?? []) {
        const res = tx
          .update(tokens)
          .set({ usedAt: at })
          .where(and(eq(tokens.nonce, nonce), isNull(tokens.usedAt)))
          .run();
        if (res.changes !== 1) {
          throw new DomainError("gone", {
            fr: "Ce lien a expiré ou a déjà servi.",
            en: "This link has expired or was already used.",
          });
        }
      }
      for (const key of c.jobMarks ?? []) {
        tx.insert(jobMarks).values({ key, at }).run();
      }
      for (const u of c.users ?? []) {
        tx.insert(users)
          .values(u)
          .onConflictDoUpdate({ target: users.id, set: { role: u.role, language: u.language } })
          .run();
      }
      for (const s of c.sessions ?? []) tx.insert(sessions).values(s).run();
      if (c.deleteSessions?.length)
        tx.delete(sessions).where(inArray(sessions.idHash, c.deleteSessions)).run();
      for (const { profile, expectedVersion } of c.profiles ?? []) {
        const row = profileRow(profile);
        if (expectedVersion === null) {
          tx.insert(profiles).values(row).run();
        } else {
          const { id, ...rest } = row;
          const res = tx
            .update(profiles)
            .set(rest)
            .where(and(eq(profiles.id, id), eq(profiles.version, expectedVersion)))
            .run();
          if (res.changes !== 1) throw conflict("profile");
        }
      }
      for (const r of c.reviews ?? []) {
        tx.insert(reviews)
          .values({ ...r, quality: r.quality ? JSON.stringify(r.quality) : null })
          .run();
      }
      for (const { introduction: i, expectedVersion } of c.introductions ?? []) {
        const row = {
          id: i.id,
          maliId: i.maliId,
          partnerId: i.partnerId,
          phase: i.phase,
          data: JSON.stringify(i),
          version: i.version,
          createdAt: i.createdAt,
          updatedAt: i.updatedAt,
        };
        if (expectedVersion === null) {
          tx.insert(introductions).values(row).run();
        } else {
          const { id, ...rest } = row;
          const res = tx
            .update(introductions)
            .set(rest)
            .where(and(eq(introductions.id, id), eq(introductions.version, expectedVersion)))
            .run();
          if (res.changes !== 1) throw conflict("introduction");
        }
      }
      for (const e of c.introductionEvents ?? []) tx.insert(introductionEvents).values(e).run();
      for (const i of c.interests ?? []) {
        const row = { ...i, answers: JSON.stringify(i.answers) };
        tx.insert(interests)
          .values(row)
          .onConflictDoUpdate({ target: interests.id, set: { status: i.status } })
          .run();
      }
      for (const f of c.feedback ?? []) tx.insert(feedback).values(f).run();
      for (const a of c.alerts ?? []) {
        const v = {
          profileId: a.profileId,
          mode: a.settings.mode,
          threshold: a.settings.threshold,
          updatedAt: a.updatedAt,
        };
        tx.insert(alerts)
          .values(v)
          .onConflictDoUpdate({
            target: alerts.profileId,
            set: { mode: v.mode, threshold: v.threshold, updatedAt: v.updatedAt },
          })
          .run();
      }
      for (const h of c.alertHits ?? []) tx.insert(alertHits).values(h).onConflictDoNothing().run();
      if (c.alertHitsSent?.length)
        tx.update(alertHits).set({ sentAt: at }).where(inArray(alertHits.id, c.alertHitsSent)).run();
      for (const d of c.alertDigestAt ?? []) {
        tx.update(alerts).set({ lastDigestAt: d.at }).where(eq(alerts.profileId, d.profileId)).run();
      }
      for (const t of c.issueTokens ?? []) tx.insert(tokens).values(t).run();
      for (const m of c.outbox ?? []) {
        tx.insert(outbox)
          .values({ ...m, to: JSON.stringify(m.to), headers: JSON.stringify(m.headers) })
          .run();
      }
      for (const a of c.audit ?? [])
        tx.insert(audit)
          .values({ ...a, detail: JSON.stringify(a.detail) })
          .run();
    });
  }
}
