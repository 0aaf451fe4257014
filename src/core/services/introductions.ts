import type { AuditCtx, CommitCtx, Ctx, MailCtx, StoreCtx } from "./curation-deps.js";
import { DomainError, fieldError } from "../errors.js";
import { messages } from "../mail/messages.js";
import type { ChangeSet, TokenRecord } from "../ports-curation.js";
import { pairKey } from "../ranking/types.js";
import type { User } from "../schemas/account.js";
import {
  type Interest,
  type InterestInput,
  type Introduction,
  type IntroductionEvent,
  OPEN_PHASES,
  type Phase,
  TRANSITIONS,
} from "../schemas/introduction.js";
import type { OutboxMessage } from "../schemas/mail.js";
import { type Profile, toPublicProfile } from "../schemas/profile.js";
import { forbidden } from "./auth.js";
import { addMs, auditEntry, commit, DAY, issueToken, langOf, mailTo } from "./curation-deps.js";
import { bestPairsForAllPlanches, explainPair } from "./matching.js";
import { getProfile } from "./profiles.js";

/** Proposing an introduction: both profiles, the ranking's reasons, the invitations, the commit. */
export type ProposeCtx = StoreCtx & Pick<Ctx, "curation" | "matching"> & MailCtx & CommitCtx;

export const INTRO_TTL_DAYS = 14;
export const REMINDER_DAYS = 7;

type Side = "mali" | "partner";

function event(
  deps: Pick<Ctx, "newId" | "clock">,
  intro: Introduction,
  to: Phase,
  actor: string,
  note: string | null,
): IntroductionEvent {
  return {
    id: deps.newId(),
    introductionId: intro.id,
    at: deps.clock.now().toISOString(),
    actor,
    fromPhase: intro.phase === to ? null : intro.phase,
    toPhase: to,
    note,
  };
}

async function pairProfiles(deps: StoreCtx, maliId: string, partnerId: string) {
  const m = await getProfile(deps, maliId);
  const p = await getProfile(deps, partnerId);
  if (m.side !== "mali" || p.side !== "partner") {
    throw DomainError.validation("intro.invalid_pair", [fieldError("maliId", "side", "field.pair_sides")]);
  }
  if (m.status !== "published" || p.status !== "published") {
    throw DomainError.conflict("intro.unpublished");
  }
  return { m, p };
}

/** The e-mail presenting `other` to `to`'s contact, with accept / decline links. */
export async function invitationFor(
  deps: MailCtx,
  intro: Introduction,
  side: Side,
  to: Profile,
  other: Profile,
  reminder: boolean,
): Promise<{ message: OutboxMessage; tokens: TokenRecord[] }> {
  const ttl = Date.parse(intro.expiresAt) - deps.clock.now().getTime();
  const accept = await issueToken(deps, "intro_accept", { introductionId: intro.id, side }, ttl);
  const decline = await issueToken(deps, "intro_decline", { introductionId: intro.id, side }, ttl);
  const lang = langOf(to);
  const mail = await mailTo(
    deps,
    reminder ? "introduction_reminder" : "introduction",
    to.contact.email,
    (u) =>
      messages.introduction(
        lang,
        {
          other: toPublicProfile(other),
          why: lang === "fr" ? intro.why.fr : intro.why.en,
          note: intro.note,
          accept: accept.url,
          decline: decline.url,
          expiresAt: intro.expiresAt,
          reminder,
        },
        u,
      ),
  );
  return { message: mail.message, tokens: [accept.record, decline.record, ...mail.tokens] };
}

export async function proposeIntroduction(
  deps: ProposeCtx,
  staff: User,
  input: { maliId: string; partnerId: string; note: string },
  origin: { kind: "staff" } | { kind: "interest"; interest: Interest } = { kind: "staff" },
): Promise<Introduction> {
  const { m, p } = await pairProfiles(deps, input.maliId, input.partnerId);
  const settled = await deps.curation.settledPairs();
  const existing = await deps.curation.introductions({ profileIds: [m.id] });
  const pending = existing.some((i) => i.partnerId === p.id && i.phase === "proposed");
  if (pending || settled.has(pairKey(m.id, p.id))) {
    throw DomainError.conflict("intro.exists");
  }
  const fr = await explainPair(deps.matching, m.id, p.id, "fr");
  const en = await explainPair(deps.matching, m.id, p.id, "en");
  if (fr.excluded) {
    throw DomainError.conflict("intro.already_partners");
  }
  const now = deps.clock.now().toISOString();
  const intro: Introduction = {
    id: deps.newId(),
    maliId: m.id,
    partnerId: p.id,
    phase: "proposed",
    origin: origin.kind,
    note: input.note,
    proposedBy: staff.id,
    responses: { mali: "pending", partner: "pending" },
    why: { fr: fr.explanation, en: en.explanation },
    score: fr.score,
    expiresAt: addMs(now, INTRO_TTL_DAYS * DAY),
    acceptedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const toMali = await invitationFor(deps, intro, "mali", m, p, false);
  const toPartner = await invitationFor(deps, intro, "partner", p, m, false);
  await commit(deps, {
    introductions: [{ introduction: intro, expectedVersion: null }],
    introductionEvents: [
      event(deps, { ...intro, phase: "proposed" }, "proposed", staff.id, input.note || null),
    ],
    outbox: [toMali.message, toPartner.message],
    issueTokens: [...toMali.tokens, ...toPartner.tokens],
    interests: origin.kind === "interest" ? [{ ...origin.interest, status: "proposed" }] : [],
    audit: [
      auditEntry(deps, staff, "introduction.propose", "introduction", intro.id, {
        maliId: m.id,
        partnerId: p.id,
        origin: origin.kind,
      }),
    ],
  });
  return intro;
}

export async function getIntroduction(deps: Pick<Ctx, "curation">, id: string): Promise<Introduction> {
  const intro = await deps.curation.introduction(id);
  if (!intro) throw DomainError.notFound("intro.not_found");
  return intro;
}

/**
 * One side answers. A decline closes the introduction for good; the second acceptance
 * opens it and sends both sides, at once, the e-mail revealing both contacts.
 */
export async function respondToIntroduction(
  deps: StoreCtx & Pick<Ctx, "curation"> & MailCtx & CommitCtx,
  id: string,
  side: Side,
  decision: "accept" | "decline",
  actor: string,
  usedToken: string | null,
): Promise<Introduction> {
  const intro = await getIntroduction(deps, id);
  if (intro.phase !== "proposed" || intro.responses[side] !== "pending") {
    throw DomainError.gone("intro.answered");
  }
  if (Date.parse(intro.expiresAt) <= deps.clock.now().getTime()) {
    throw DomainError.gone("intro.expired");
  }
  const m = await getProfile(deps, intro.maliId);
  const p = await getProfile(deps, intro.partnerId);
  const responses = {
    ...intro.responses,
    [side]: decision === "accept" ? "accepted" : "declined",
  } as Introduction["responses"];
  const now = deps.clock.now().toISOString();
  let phase: Phase = "proposed";
  const changes: ChangeSet = { useTokens: usedToken ? [usedToken] : [] };
  if (decision === "decline") {
    phase = "declined";
    const other = side === "mali" ? p : m;
    const me = side === "mali" ? m : p;
    const mail = await mailTo(deps, "introduction_declined", other.contact.email, (u) =>
      messages.declined(langOf(other), me.collectivite.name, u),
    );
    changes.outbox = [mail.message];
    changes.issueTokens = mail.tokens;
  } else if (responses.mali === "accepted" && responses.partner === "accepted") {
    phase = "accepted";
    // One message per side, committed together: each sees the other's contact at the same
    // moment, in its own language, and its unsubscribe link is its own.
    const content = {
      mali: { name: m.collectivite.name, contact: m.contact },
      partner: { name: p.collectivite.name, contact: p.contact },
      url: `${deps.baseUrl}/mon-espace`,
    };
    const mails = await Promise.all(
      [m, p].map((to) =>
        mailTo(deps, "introduction_joint", to.contact.email, (u) => messages.joint(langOf(to), content, u)),
      ),
    );
    changes.outbox = mails.map((x) => x.message);
    changes.issueTokens = mails.flatMap((x) => x.tokens);
  }
  const next: Introduction = {
    ...intro,
    responses,
    phase,
    acceptedAt: phase === "accepted" ? now : intro.acceptedAt,
    version: intro.version + 1,
    updatedAt: now,
  };
  changes.introductions = [{ introduction: next, expectedVersion: intro.version }];
  changes.introductionEvents = [event(deps, intro, phase, actor, `${side}:${decision}`)];
  await commit(deps, changes);
  return next;
}

/** Which side of an introduction a signed-in user speaks for (staff may pick). */
export async function sideOf(
  deps: Pick<Ctx, "store">,
  intro: Introduction,
  user: User,
  profileId?: string,
): Promise<Side> {
  const m = await getProfile(deps, intro.maliId);
  const p = await getProfile(deps, intro.partnerId);
  const mine: Side[] = [];
  if (m.ownerId === user.id) mine.push("mali");
  if (p.ownerId === user.id) mine.push("partner");
  if (profileId === m.id && (mine.includes("mali") || user.role === "staff")) return "mali";
  if (profileId === p.id && (mine.includes("partner") || user.role === "staff")) return "partner";
  if (mine.length === 1) return mine[0] as Side;
  throw forbidden();
}

export async function changePhase(
  deps: Pick<Ctx, "curation"> & CommitCtx & AuditCtx,
  staff: User,
  id: string,
  phase: Phase,
  note: string | undefined,
): Promise<Introduction> {
  const intro = await getIntroduction(deps, id);
  if (!TRANSITIONS[intro.phase].includes(phase)) {
    throw DomainError.validation("intro.bad_transition", [
      fieldError("phase", "transition", "field.phase_transition", {
        from: intro.phase,
        allowed: TRANSITIONS[intro.phase],
      }),
    ]);
  }
  const next = { ...intro, phase, version: intro.version + 1, updatedAt: deps.clock.now().toISOString() };
  await commit(deps, {
    introductions: [{ introduction: next, expectedVersion: intro.version }],
    introductionEvents: [event(deps, intro, phase, staff.id, note ?? null)],
    audit: [
      auditEntry(deps, staff, "introduction.phase", "introduction", id, {
        from: intro.phase,
        to: phase,
        note: note ?? null,
      }),
    ],
  });
  return next;
}

/** Best matches that have no introduction yet, across all published planches. */
export async function suggestions(
  deps: Pick<Ctx, "curation" | "matching">,
  limit: number,
  lang: "fr" | "en",
) {
  const introduced = await deps.curation.introducedPairs();
  const pairs = await bestPairsForAllPlanches(deps.matching, { perPlanche: 5, lang, skip: introduced });
  return pairs
    .map(({ mali, match }) => ({
      maliId: mali.id,
      partnerId: match.profile.id,
      score: match.score,
      mali: mali.collectivite.name,
      partner: match.profile.collectivite.name,
      explanation: match.explanation,
    }))
    .sort(
      (a, b) =>
        b.score - a.score || a.maliId.localeCompare(b.maliId) || a.partnerId.localeCompare(b.partnerId),
    )
    .slice(0, limit);
}

export async function expressInterest(
  deps: StoreCtx & CommitCtx & AuditCtx,
  user: User,
  plancheId: string,
  input: InterestInput,
): Promise<Interest> {
  const planche = await getProfile(deps, plancheId);
  if (planche.side !== "mali" || planche.status !== "published")
    throw DomainError.notFound("profile.planche_not_found");
  const partner = await getProfile(deps, input.partnerProfileId);
  if (partner.side !== "partner") {
    throw DomainError.validation("interest.partner_expected", [
      fieldError("partnerProfileId", "side", "field.choose_partner_profile"),
    ]);
  }
  if (partner.ownerId !== user.id && user.role !== "staff") throw forbidden();
  const interest: Interest = {
    id: deps.newId(),
    plancheId,
    partnerId: partner.id,
    userId: user.id,
    answers: { cooperation: input.cooperation, unclear: input.unclear, whoWeAre: input.whoWeAre },
    status: "pending",
    createdAt: deps.clock.now().toISOString(),
  };
  await commit(deps, { interests: [interest] });
  return interest;
}

export async function dismissInterest(
  deps: Pick<Ctx, "curation"> & CommitCtx & AuditCtx,
  staff: User,
  id: string,
): Promise<Interest> {
  const interest = await deps.curation.interest(id);
  if (!interest) throw DomainError.notFound("interest.not_found");
  const next = { ...interest, status: "dismissed" as const };
  await commit(deps, {
    interests: [next],
    audit: [auditEntry(deps, staff, "interest.dismiss", "interest", id)],
  });
  return next;
}

export async function proposeFromInterest(deps: ProposeCtx, staff: User, id: string, note: string) {
  const interest = await deps.curation.interest(id);
  if (interest?.status !== "pending") throw DomainError.notFound("interest.not_found");
  return proposeIntroduction(
    deps,
    staff,
    { maliId: interest.plancheId, partnerId: interest.partnerId, note },
    { kind: "interest", interest },
  );
}

/** Introductions the user takes part in (through the profiles they own). */
export async function myIntroductions(deps: Pick<Ctx, "store" | "curation">, user: User) {
  const mine = await deps.store.list({ ownerId: user.id, limit: 200, offset: 0 });
  if (mine.items.length === 0) return [];
  return deps.curation.introductions({ profileIds: mine.items.map((p) => p.id) });
}

/**
 * An introduction as one of its participants (or staff) sees it: both public profiles, the
 * dated history, and the contacts only once both sides accepted (staff always, to curate).
 */
export async function introductionDetail(
  deps: Pick<Ctx, "store" | "curation">,
  intro: Introduction,
  user: User,
) {
  const m = await getProfile(deps, intro.maliId);
  const p = await getProfile(deps, intro.partnerId);
  const isStaff = user.role === "staff";
  if (!isStaff && m.ownerId !== user.id && p.ownerId !== user.id) throw forbidden();
  const revealed = intro.acceptedAt !== null && !["proposed", "declined", "expired"].includes(intro.phase);
  return {
    ...intro,
    mali: toPublicProfile(m),
    partner: toPublicProfile(p),
    contacts: revealed || isStaff ? { mali: m.contact, partner: p.contact } : null,
    events: await deps.curation.introductionEvents(intro.id),
  };
}

export const isOpen = (i: Introduction) => (OPEN_PHASES as readonly string[]).includes(i.phase);
