import type { AuditCtx, CommitCtx, Ctx, MailCtx, StoreCtx } from "./curation-deps.js";
import { DomainError } from "../errors.js";
import { messages } from "../mail/messages.js";
import type { ChangeSet } from "../ports-curation.js";
import type { Quality, User } from "../schemas/account.js";
import { type Profile, toPublicProfile } from "../schemas/profile.js";
import { type AlertCtx, alertChangesFor } from "./alerts.js";
import { auditEntry, commit, langOf, mailTo, profileUrl } from "./curation-deps.js";
import { expiryFrom, getProfile } from "./profiles.js";

const notPending = (p: Profile) => DomainError.conflict("profile.not_pending", { status: p.status });

function bumped(deps: Pick<Ctx, "clock">, p: Profile, patch: Partial<Profile>): Profile {
  return { ...p, ...patch, version: p.version + 1, updatedAt: deps.clock.now().toISOString() } as Profile;
}

export async function approveProfile(
  deps: StoreCtx & AlertCtx & CommitCtx,
  staff: User,
  id: string,
  quality: Quality | undefined,
): Promise<Profile> {
  const p = await getProfile(deps, id);
  if (p.status !== "pending_review") throw notPending(p);
  const now = deps.clock.now();
  const next = bumped(deps, p, {
    status: "published",
    publishedAt: now.toISOString(),
    expiresAt: expiryFrom(now),
  });
  const mail = await mailTo(deps, "profile_published", p.contact.email, (u) =>
    messages.published(langOf(p), p.collectivite.name, profileUrl(deps, p), next.expiresAt ?? "", u),
  );
  const alerts = await alertChangesFor(deps, next);
  const changes: ChangeSet = {
    profiles: [{ profile: next, expectedVersion: p.version }],
    reviews: [
      {
        id: deps.newId(),
        profileId: id,
        decision: "approved",
        reason: null,
        quality: quality ?? null,
        staffId: staff.id,
        at: now.toISOString(),
      },
    ],
    outbox: [mail.message, ...(alerts.outbox ?? [])],
    issueTokens: [...mail.tokens, ...(alerts.issueTokens ?? [])],
    alertHits: alerts.alertHits,
    audit: [auditEntry(deps, staff, "profile.approve", "profile", id, { quality: quality ?? null })],
  };
  await commit(deps, changes);
  return next;
}

export async function returnProfile(
  deps: StoreCtx & MailCtx & CommitCtx,
  staff: User,
  id: string,
  reason: string,
  quality: Quality | undefined,
): Promise<Profile> {
  const p = await getProfile(deps, id);
  if (p.status !== "pending_review") throw notPending(p);
  const next = bumped(deps, p, { status: "draft" });
  const mail = await mailTo(deps, "profile_returned", p.contact.email, (u) =>
    messages.returned(langOf(p), p.collectivite.name, reason, `${deps.baseUrl}/mon-espace`, u),
  );
  await commit(deps, {
    profiles: [{ profile: next, expectedVersion: p.version }],
    reviews: [
      {
        id: deps.newId(),
        profileId: id,
        decision: "returned",
        reason,
        quality: quality ?? null,
        staffId: staff.id,
        at: deps.clock.now().toISOString(),
      },
    ],
    outbox: [mail.message],
    issueTokens: mail.tokens,
    audit: [auditEntry(deps, staff, "profile.return", "profile", id, { reason, quality: quality ?? null })],
  });
  return next;
}

/** Owner sends a draft for review. */
export async function submitForReview(deps: StoreCtx & CommitCtx, id: string): Promise<Profile> {
  const p = await getProfile(deps, id);
  if (p.status !== "draft") {
    throw DomainError.conflict("profile.submit_draft_only");
  }
  const next = bumped(deps, p, { status: "pending_review" });
  await commit(deps, { profiles: [{ profile: next, expectedVersion: p.version }] });
  return next;
}

/** One more year of visibility; an expired profile comes back. */
export async function renewProfile(
  deps: StoreCtx & CommitCtx & AuditCtx,
  actor: User | "token",
  id: string,
): Promise<Profile> {
  const p = await getProfile(deps, id);
  if (p.status !== "published" && !(p.status === "archived" && p.publishedAt)) {
    throw DomainError.conflict("profile.renew_published_only");
  }
  const now = deps.clock.now();
  const next = bumped(deps, p, { status: "published", expiresAt: expiryFrom(now) });
  await commit(deps, {
    profiles: [{ profile: next, expectedVersion: p.version }],
    audit:
      actor !== "token" && actor.role === "staff"
        ? [auditEntry(deps, actor, "profile.renew", "profile", id)]
        : [],
  });
  return next;
}

export async function reviewQueue(deps: Pick<Ctx, "store" | "curation">) {
  const page = await deps.store.list({ status: "pending_review", limit: 200, offset: 0 });
  return Promise.all(
    page.items.map(async (p) => ({ profile: p, reviews: await deps.curation.reviews(p.id) })),
  );
}

export { toPublicProfile };
