import type { AlertSettings, AuditEntry, ReviewRecord, Session, User } from "./schemas/account.js";
import type { Interest, Introduction, IntroductionEvent } from "./schemas/introduction.js";
import type { OutboxMessage, OutboxStatus } from "./schemas/mail.js";
import type { Profile } from "./schemas/profile.js";

export interface TokenRecord {
  nonce: string;
  purpose: string;
  subject: string;
  expiresAt: string;
  createdAt: string;
}

export type { ReviewRecord };

/**
 * Everything one use case changes, committed by the adapter in ONE transaction: the
 * e-mails a change causes are in the outbox if and only if the change is. Expected
 * versions and single-use tokens are checked inside the transaction; a failed check
 * throws a conflict and nothing is written.
 */
export interface ChangeSet {
  users?: User[];
  sessions?: Session[];
  deleteSessions?: string[];
  profiles?: { profile: Profile; expectedVersion: number | null }[];
  reviews?: ReviewRecord[];
  introductions?: { introduction: Introduction; expectedVersion: number | null }[];
  introductionEvents?: IntroductionEvent[];
  interests?: Interest[];
  feedback?: {
    id: string;
    introductionId: string;
    side: string;
    months: number;
    level: number;
    at: string;
  }[];
  alerts?: { profileId: string; settings: AlertSettings; updatedAt: string }[];
  alertHits?: { id: string; profileId: string; matchedId: string; score: number; createdAt: string }[];
  alertHitsSent?: string[];
  alertDigestAt?: { profileId: string; at: string }[];
  issueTokens?: TokenRecord[];
  /** Nonces to mark used; the commit fails if one was already used. */
  useTokens?: string[];
  outbox?: OutboxMessage[];
  audit?: AuditEntry[];
  /** Once-only marks for jobs ("reminder:intro:123"); the commit fails if one exists. */
  jobMarks?: string[];
  /**
   * Claim pending messages for one sender until a time; the commit fails (conflict
   * "outbox_claim") if another sender holds a live claim or the message left "pending".
   */
  claimOutbox?: { id: string; owner: string; until: string; now: string }[];
}

export interface UnitOfWork {
  commit(changes: ChangeSet, at: string): Promise<void>;
}

export interface AccountStore {
  userByEmail(email: string): Promise<User | null>;
  userById(id: string): Promise<User | null>;
  sessionByHash(idHash: string, now: string): Promise<Session | null>;
  token(nonce: string): Promise<(TokenRecord & { usedAt: string | null }) | null>;
  /** Fixed-window counter; returns the count in the current window after this hit. */
  hit(key: string, windowSeconds: number, nowMs: number): Promise<number>;
}

export interface CurationStore {
  introduction(id: string): Promise<Introduction | null>;
  introductions(filter: { phase?: string; profileIds?: string[] }): Promise<Introduction[]>;
  introductionEvents(id: string): Promise<IntroductionEvent[]>;
  /** Pairs that must never be proposed again: declined, or accepted and beyond. */
  settledPairs(): Promise<Map<string, "partnered" | "declined">>;
  /** Every pair with an introduction, open or closed. */
  introducedPairs(): Promise<Set<string>>;
  interest(id: string): Promise<Interest | null>;
  interests(status?: Interest["status"]): Promise<Interest[]>;
  reviews(profileId: string): Promise<ReviewRecord[]>;
  alertSettings(profileId: string): Promise<(AlertSettings & { lastDigestAt: string | null }) | null>;
  alertSubscribers(side: "mali" | "partner"): Promise<{ profileId: string; settings: AlertSettings }[]>;
  pendingAlertHits(): Promise<{ id: string; profileId: string; matchedId: string; score: number }[]>;
  audit(limit: number, offset: number): Promise<{ items: AuditEntry[]; total: number }>;
  hasJobMark(key: string): Promise<boolean>;
  feedbackFor(introductionId: string): Promise<{ side: string; months: number; level: number; at: string }[]>;
}

export interface OutboxStore {
  /** Messages due for delivery (pending, next attempt passed), oldest first. */
  due(now: string, limit: number): Promise<OutboxMessage[]>;
  markSent(id: string, at: string): Promise<boolean>;
  markAttemptFailed(id: string, error: string, nextAttemptAt: string, failed: boolean): Promise<void>;
  list(filter: {
    status?: OutboxStatus;
    limit: number;
    offset: number;
  }): Promise<{ items: OutboxMessage[]; total: number }>;
  retry(id: string, now: string): Promise<boolean>;
  counts(): Promise<Record<OutboxStatus, number>>;
}

export interface Mailer {
  /** Deliver one message; resolves once the server accepted it, throws otherwise. */
  send(message: OutboxMessage, from: string): Promise<void>;
  readonly description: string;
}
