import type { AuditCtx, CommitCtx, Ctx, MailCtx, StoreCtx } from "./curation-deps.js";
import { messages } from "../mail/messages.js";
import type { ChangeSet } from "../ports-curation.js";
import { FEEDBACK_LEVELS, type Introduction } from "../schemas/introduction.js";
import { type Profile, toPublicProfile } from "../schemas/profile.js";
import {
  addMonths,
  auditEntry,
  commit,
  DAY,
  issueToken,
  langOf,
  mailTo,
  profileUrl,
} from "./curation-deps.js";
import { INTRO_TTL_DAYS, invitationFor, REMINDER_DAYS } from "./introductions.js";
import { getProfile } from "./profiles.js";

const FOLLOW_UP_MONTHS = [3, 6] as const;
const EXPIRY_NOTICE_DAYS = 30;
const DIGEST_DAYS = 7;

/**
 * Time-driven work: introduction reminders and expiry, 3- and 6-month follow-ups, profile
 * expiry notices and expiry, weekly alert digests. Each action is guarded by a once-only
 * mark committed with its e-mails, so that restarts or two runs never send twice.
 */
/** The time-driven jobs read profiles and introductions, write e-mails and audit rows, commit. */
export type JobsCtx = StoreCtx & Pick<Ctx, "curation" | "baseUrl"> & MailCtx & CommitCtx & AuditCtx;

export async function runDueJobs(deps: JobsCtx): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const bump = (k: string) => {
    counts[k] = (counts[k] ?? 0) + 1;
  };
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const once = async (key: string, build: () => Promise<ChangeSet>, label: string) => {
    if (await deps.curation.hasJobMark(key)) return;
    const changes = await build();
    try {
      await commit(deps, { ...changes, jobMarks: [...(changes.jobMarks ?? []), key] });
      bump(label);
    } catch {
      // Another run committed it first: fine, the mark says it is done.
    }
  };

  for (const intro of await deps.curation.introductions({ phase: "proposed" })) {
    const created = Date.parse(intro.createdAt);
    if (now.getTime() >= Date.parse(intro.expiresAt)) {
      await once(`expire:${intro.id}`, async () => expireIntro(deps, intro), "introductionsExpired");
    } else if (now.getTime() >= created + REMINDER_DAYS * DAY && INTRO_TTL_DAYS > REMINDER_DAYS) {
      await once(`remind:${intro.id}`, async () => remindIntro(deps, intro), "introductionReminders");
    }
  }

  for (const phase of ["accepted", "first_meeting", "action_plan", "convention_signed", "implementation"]) {
    for (const intro of await deps.curation.introductions({ phase })) {
      if (!intro.acceptedAt) continue;
      for (const months of FOLLOW_UP_MONTHS) {
        if (now.toISOString() >= addMonths(intro.acceptedAt, months)) {
          await once(
            `followup:${months}:${intro.id}`,
            async () => followUp(deps, intro, months),
            "followUps",
          );
        }
      }
    }
  }

  const published = await deps.store.list({ status: "published", limit: 100_000, offset: 0 });
  for (const p of published.items) {
    if (!p.expiresAt) continue;
    const expires = Date.parse(p.expiresAt);
    if (now.getTime() >= expires) {
      await once(`expired:${p.id}:${p.expiresAt}`, async () => expireProfile(deps, p), "profilesExpired");
    } else if (now.getTime() >= expires - EXPIRY_NOTICE_DAYS * DAY) {
      await once(`expiring:${p.id}:${p.expiresAt}`, async () => expiryNotice(deps, p), "expiryNotices");
    }
  }

  const hits = await deps.curation.pendingAlertHits();
  const byProfile = new Map<string, typeof hits>();
  for (const h of hits) byProfile.set(h.profileId, [...(byProfile.get(h.profileId) ?? []), h]);
  for (const [profileId, list] of byProfile) {
    const settings = await deps.curation.alertSettings(profileId);
    if (settings?.mode !== "weekly") continue;
    if (settings.lastDigestAt && now.getTime() < Date.parse(settings.lastDigestAt) + DIGEST_DAYS * DAY)
      continue;
    await once(
      `digest:${profileId}:${nowIso.slice(0, 10)}`,
      async () => digest(deps, profileId, list),
      "digests",
    );
  }
  return counts;
}

async function expireIntro(deps: JobsCtx, intro: Introduction): Promise<ChangeSet> {
  const next = {
    ...intro,
    phase: "expired" as const,
    version: intro.version + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  return {
    introductions: [{ introduction: next, expectedVersion: intro.version }],
    introductionEvents: [
      {
        id: deps.newId(),
        introductionId: intro.id,
        at: next.updatedAt,
        actor: "system",
        fromPhase: intro.phase,
        toPhase: "expired",
        note: null,
      },
    ],
  };
}

async function remindIntro(deps: JobsCtx, intro: Introduction): Promise<ChangeSet> {
  const m = await getProfile(deps, intro.maliId);
  const p = await getProfile(deps, intro.partnerId);
  const changes: Required<Pick<ChangeSet, "outbox" | "issueTokens">> = { outbox: [], issueTokens: [] };
  for (const side of ["mali", "partner"] as const) {
    if (intro.responses[side] !== "pending") continue;
    const mail = await invitationFor(
      deps,
      intro,
      side,
      side === "mali" ? m : p,
      side === "mali" ? p : m,
      true,
    );
    changes.outbox.push(mail.message);
    changes.issueTokens.push(...mail.tokens);
  }
  return changes;
}

async function followUp(deps: JobsCtx, intro: Introduction, months: number): Promise<ChangeSet> {
  const m = await getProfile(deps, intro.maliId);
  const p = await getProfile(deps, intro.partnerId);
  const changes: Required<Pick<ChangeSet, "outbox" | "issueTokens">> = { outbox: [], issueTokens: [] };
  for (const [side, me, other] of [
    ["mali", m, p],
    ["partner", p, m],
  ] as const) {
    const links: { level: number; url: string }[] = [];
    for (const level of FEEDBACK_LEVELS) {
      const t = await issueToken(
        deps,
        "feedback",
        { introductionId: intro.id, side, months, level },
        60 * DAY,
      );
      changes.issueTokens.push(t.record);
      links.push({ level, url: t.url });
    }
    const mail = await mailTo(deps, "follow_up", me.contact.email, (u) =>
      messages.followUp(langOf(me), { otherName: other.collectivite.name, months, links }, u),
    );
    changes.outbox.push(mail.message);
    changes.issueTokens.push(...mail.tokens);
  }
  return changes;
}

async function expiryNotice(deps: JobsCtx, p: Profile): Promise<ChangeSet> {
  const renew = await issueToken(deps, "renew", { profileId: p.id }, 60 * DAY);
  const mail = await mailTo(deps, "profile_expiring", p.contact.email, (u) =>
    messages.expiring(langOf(p), p.collectivite.name, p.expiresAt ?? "", renew.url, u),
  );
  return { outbox: [mail.message], issueTokens: [renew.record, ...mail.tokens] };
}

async function expireProfile(deps: JobsCtx, p: Profile): Promise<ChangeSet> {
  const next = {
    ...p,
    status: "archived" as const,
    version: p.version + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  return {
    profiles: [{ profile: next, expectedVersion: p.version }],
    audit: [auditEntry(deps, "system", "profile.expire", "profile", p.id)],
  };
}

async function digest(
  deps: JobsCtx,
  profileId: string,
  hits: { id: string; matchedId: string; score: number }[],
): Promise<ChangeSet> {
  const owner = await getProfile(deps, profileId);
  const matched = (await deps.store.getMany(hits.map((h) => h.matchedId))).filter(
    (x) => x.status === "published",
  );
  const lang = langOf(owner);
  const mail = await mailTo(deps, "match_digest", owner.contact.email, (u) =>
    messages.alert(
      lang,
      {
        forName: owner.collectivite.name,
        weekly: true,
        matches: hits
          .map((h) => ({ h, prof: matched.find((x) => x.id === h.matchedId) }))
          .filter((x): x is { h: (typeof hits)[number]; prof: Profile } => Boolean(x.prof))
          .sort((a, b) => b.h.score - a.h.score)
          .map((x) => ({
            profile: toPublicProfile(x.prof),
            score: x.h.score,
            url: profileUrl(deps, x.prof),
            why: [],
          })),
      },
      u,
    ),
  );
  const at = deps.clock.now().toISOString();
  return {
    outbox: matched.length > 0 ? [mail.message] : [],
    issueTokens: matched.length > 0 ? mail.tokens : [],
    alertHitsSent: hits.map((h) => h.id),
    alertDigestAt: [{ profileId, at }],
  };
}
