import type { Introduction, IntroductionEvent, IntroResponse, Quality } from "./console-types.js";
import type { ProfileStatus } from "./types.js";

type Side = "mali" | "partner";
const DAY = 24 * 3600 * 1000;
/** A published profile this close to its expiry asks to be renewed (the reminder goes a month before). */
export const EXPIRY_WARNING_DAYS = 45;

export interface StatusInfo {
  status: ProfileStatus;
  /** Published: until when. */
  expiresAt: string | null;
  expiresSoon: boolean;
  canEdit: boolean;
  canSubmit: boolean;
  canRenew: boolean;
  /** Matches are worth showing (published or waiting for review). */
  showMatches: boolean;
}

/** What "Mon espace" says and offers for one of my profiles. */
export function statusInfo(
  p: { status: ProfileStatus; expiresAt: string | null; publishedAt: string | null },
  now: Date,
): StatusInfo {
  const expires = p.expiresAt ? Date.parse(p.expiresAt) : Number.NaN;
  const expiresSoon =
    p.status === "published" &&
    Number.isFinite(expires) &&
    expires - now.getTime() < EXPIRY_WARNING_DAYS * DAY;
  return {
    status: p.status,
    expiresAt: p.status === "published" ? p.expiresAt : null,
    expiresSoon,
    canEdit: p.status !== "archived",
    canSubmit: p.status === "draft",
    // The API renews a published profile, or one archived by expiry (it was published once).
    canRenew: p.status === "published" || (p.status === "archived" && p.publishedAt !== null),
    showMatches: p.status === "published" || p.status === "pending_review",
  };
}

export interface IntroView {
  mySide: Side;
  otherSide: Side;
  myAnswer: IntroResponse;
  otherAnswer: IntroResponse;
  /** Accept / decline buttons: the proposal is open, not expired, and my side has not answered. */
  canRespond: boolean;
  /** The other side's contact may be shown (both accepted). */
  revealed: boolean;
}

/**
 * My side of an introduction, from the profiles I own. When I own both sides (a test account,
 * staff), the Malian side speaks first.
 */
export function introView(
  intro: Introduction,
  myProfileIds: ReadonlySet<string>,
  now: Date,
): IntroView | null {
  const mySide: Side | null = myProfileIds.has(intro.maliId)
    ? "mali"
    : myProfileIds.has(intro.partnerId)
      ? "partner"
      : null;
  if (!mySide) return null;
  const otherSide: Side = mySide === "mali" ? "partner" : "mali";
  const open = intro.phase === "proposed" && Date.parse(intro.expiresAt) > now.getTime();
  return {
    mySide,
    otherSide,
    myAnswer: intro.responses[mySide],
    otherAnswer: intro.responses[otherSide],
    canRespond: open && intro.responses[mySide] === "pending",
    revealed: intro.acceptedAt !== null && !["proposed", "declined", "expired"].includes(intro.phase),
  };
}

export type EventSummary =
  | {
      kind: "answer";
      side: Side;
      decision: "accept" | "decline";
      at: string;
      phase: IntroductionEvent["toPhase"];
    }
  | {
      kind: "phase";
      at: string;
      phase: IntroductionEvent["toPhase"];
      from: IntroductionEvent["fromPhase"];
      note: string | null;
    };

/** A dated line of an introduction's history: an answer ("mali:accept") or a phase change with its note. */
export function summarizeEvent(e: IntroductionEvent): EventSummary {
  const answer = /^(mali|partner):(accept|decline)$/.exec(e.note ?? "");
  if (answer) {
    return {
      kind: "answer",
      side: answer[1] as Side,
      decision: answer[2] as "accept" | "decline",
      at: e.at,
      phase: e.toPhase,
    };
  }
  return { kind: "phase", at: e.at, phase: e.toPhase, from: e.fromPhase, note: e.note };
}

/** History oldest first; events at the same instant keep their order. */
export function sortedHistory(events: readonly IntroductionEvent[]): IntroductionEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
    .map((x) => x.e);
}

export const QUALITY_CRITERIA = ["clarity", "pdescLink", "completeness", "contactChecked"] as const;
export type QualityCriterion = (typeof QUALITY_CRITERIA)[number];
export type QualityDraft = Partial<Record<QualityCriterion, number>>;

/**
 * The quality score to send with a review: none when no criterion is marked, all four when
 * all are, and an issue when only some are (the API takes the four or nothing).
 */
export function qualityOf(d: QualityDraft): { quality?: Quality; partial: boolean } {
  const marked = QUALITY_CRITERIA.filter((c) => typeof d[c] === "number");
  if (marked.length === 0) return { partial: false };
  if (marked.length < QUALITY_CRITERIA.length) return { partial: true };
  const q = Object.fromEntries(QUALITY_CRITERIA.map((c) => [c, Math.min(3, Math.max(0, Math.round(d[c]!)))]));
  return { quality: q as Quality, partial: false };
}

export const qualityTotal = (d: QualityDraft) => QUALITY_CRITERIA.reduce((n, c) => n + (d[c] ?? 0), 0);

/**
 * A path of this site to come back to after signing in (`?retour=`): the same rule as the
 * API's `next` (one leading slash, not a protocol-relative "//host"), no longer than 200.
 */
export function safeReturnPath(value: string | null | undefined, fallback: string): string {
  if (!value || value.length > 200) return fallback;
  return /^\/[^/\\]/.test(value) ? value : fallback;
}
