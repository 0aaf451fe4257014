import { and, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { ChangeSet } from "../../core/ports-curation.js";
import { chunks, type Db, guard, MAX_PARAMS, type Statement } from "./database.js";
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

/** Something drizzle can render to SQL without running it. */
interface Renderable {
  toSQL(): { sql: string; params: unknown[] };
}
const sql = (q: Renderable): Statement => {
  const { sql: text, params } = q.toSQL();
  return { sql: text, params };
};

/**
 * A ChangeSet as one ordered list of statements: pure (it renders SQL, it runs nothing), the
 * same list on every driver. Each conditional write is followed by its guard, so that a spent
 * token, a stale version or a taken claim rolls the whole list back with the guard's name.
 * `db` only lends drizzle's SQL dialect and table builders.
 */
export function compileChangeSet(db: Db, c: ChangeSet, at: string): Statement[] {
  const out: Statement[] = [];
  for (const nonce of c.useTokens ?? []) {
    out.push(
      sql(
        db
          .update(tokens)
          .set({ usedAt: at })
          .where(and(eq(tokens.nonce, nonce), isNull(tokens.usedAt))),
      ),
      guard("token"),
    );
  }
  for (const claim of c.claimOutbox ?? []) {
    out.push(
      sql(
        db
          .update(outbox)
          .set({ claimedBy: claim.owner, claimedUntil: claim.until })
          .where(
            and(
              eq(outbox.id, claim.id),
              eq(outbox.status, "pending"),
              or(isNull(outbox.claimedUntil), lte(outbox.claimedUntil, claim.now)),
            ),
          ),
      ),
      guard("outbox_claim"),
    );
  }
  // A job mark is a primary key: a second run of the same job fails on it, whole.
  for (const key of c.jobMarks ?? []) out.push(sql(db.insert(jobMarks).values({ key, at })));
  for (const u of c.users ?? []) {
    out.push(
      sql(
        db
          .insert(users)
          .values(u)
          .onConflictDoUpdate({ target: users.id, set: { role: u.role, language: u.language } }),
      ),
    );
  }
  for (const s of c.sessions ?? []) out.push(sql(db.insert(sessions).values(s)));
  for (const ids of chunks(c.deleteSessions ?? [], MAX_PARAMS)) {
    out.push(sql(db.delete(sessions).where(inArray(sessions.idHash, ids))));
  }
  for (const { profile, expectedVersion } of c.profiles ?? []) {
    const row = profileRow(profile);
    if (expectedVersion === null) {
      out.push(sql(db.insert(profiles).values(row)));
    } else {
      const { id, ...rest } = row;
      out.push(
        sql(
          db
            .update(profiles)
            .set(rest)
            .where(and(eq(profiles.id, id), eq(profiles.version, expectedVersion))),
        ),
        guard("profile"),
      );
    }
  }
  for (const r of c.reviews ?? []) {
    out.push(sql(db.insert(reviews).values({ ...r, quality: r.quality ? JSON.stringify(r.quality) : null })));
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
      out.push(sql(db.insert(introductions).values(row)));
    } else {
      const { id, ...rest } = row;
      out.push(
        sql(
          db
            .update(introductions)
            .set(rest)
            .where(and(eq(introductions.id, id), eq(introductions.version, expectedVersion))),
        ),
        guard("introduction"),
      );
    }
  }
  for (const e of c.introductionEvents ?? []) out.push(sql(db.insert(introductionEvents).values(e)));
  for (const i of c.interests ?? []) {
    out.push(
      sql(
        db
          .insert(interests)
          .values({ ...i, answers: JSON.stringify(i.answers) })
          .onConflictDoUpdate({ target: interests.id, set: { status: i.status } }),
      ),
    );
  }
  for (const f of c.feedback ?? []) out.push(sql(db.insert(feedback).values(f)));
  for (const a of c.alerts ?? []) {
    const v = {
      profileId: a.profileId,
      mode: a.settings.mode,
      threshold: a.settings.threshold,
      updatedAt: a.updatedAt,
    };
    out.push(
      sql(
        db
          .insert(alerts)
          .values(v)
          .onConflictDoUpdate({
            target: alerts.profileId,
            set: { mode: v.mode, threshold: v.threshold, updatedAt: v.updatedAt },
          }),
      ),
    );
  }
  for (const h of c.alertHits ?? []) out.push(sql(db.insert(alertHits).values(h).onConflictDoNothing()));
  for (const ids of chunks(c.alertHitsSent ?? [], MAX_PARAMS)) {
    out.push(sql(db.update(alertHits).set({ sentAt: at }).where(inArray(alertHits.id, ids))));
  }
  for (const d of c.alertDigestAt ?? []) {
    out.push(sql(db.update(alerts).set({ lastDigestAt: d.at }).where(eq(alerts.profileId, d.profileId))));
  }
  for (const t of c.issueTokens ?? []) out.push(sql(db.insert(tokens).values(t)));
  for (const m of c.outbox ?? []) {
    out.push(
      sql(db.insert(outbox).values({ ...m, to: JSON.stringify(m.to), headers: JSON.stringify(m.headers) })),
    );
  }
  for (const a of c.audit ?? [])
    out.push(sql(db.insert(audit).values({ ...a, detail: JSON.stringify(a.detail) })));
  return out;
}
