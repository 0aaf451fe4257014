import type { Lang } from "../mail/layout.js";
import type { Clock, IdGenerator, ProfileStore } from "../ports.js";
import type {
  AccountStore,
  ChangeSet,
  CurationStore,
  OutboxStore,
  TokenRecord,
  UnitOfWork,
} from "../ports-curation.js";
import type { AuditEntry, User } from "../schemas/account.js";
import type { MailContent, OutboxMessage } from "../schemas/mail.js";
import type { Profile } from "../schemas/profile.js";
import type { TokenSigner } from "../security/tokens.js";
import { randomToken } from "../security/tokens.js";
import type { MatchingDeps } from "./matching.js";

/** What the account, curation and mail use cases need. Built once by the entry point. */
export interface CurationDeps {
  store: ProfileStore;
  accounts: AccountStore;
  curation: CurationStore;
  outbox: OutboxStore;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  signer: TokenSigner;
  matching: MatchingDeps;
  /** Public base URL of the site, for links in e-mails (no trailing slash). */
  baseUrl: string;
  /** Runs after every commit: index catch-up, outbox delivery. Never throws. */
  afterCommit: () => Promise<void>;
}

export const DAY = 24 * 3600 * 1000;
export const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
export const addMonths = (iso: string, months: number) => {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
};

/*
 * The capabilities a use case may ask for, each the few ports one helper uses. A use case
 * declares the union of what it calls (`Pick<Ctx, "store"> & CommitCtx & MailCtx`), so that its
 * signature says what it touches, and a caller may build just that (staff:add does).
 */
export type Ctx = CurationDeps;
/** Committing a change: the unit of work, the clock, and the after-commit hook. */
export type CommitCtx = Pick<Ctx, "uow" | "clock" | "afterCommit">;
/** Issuing a signed single-use link. */
export type TokenCtx = Pick<Ctx, "clock" | "signer" | "baseUrl">;
/** Composing an e-mail (a message id, an unsubscribe link). */
export type MailCtx = TokenCtx & Pick<Ctx, "newId">;
/** Writing an audit row. */
export type AuditCtx = Pick<Ctx, "newId" | "clock">;
/** Reading profiles. */
export type StoreCtx = Pick<Ctx, "store">;

export async function commit(deps: CommitCtx, changes: ChangeSet): Promise<void> {
  await deps.uow.commit(changes, deps.clock.now().toISOString());
  await deps.afterCommit();
}

/** Issue a signed single-use token; returns its record (to commit) and its link. */
export async function issueToken(
  deps: TokenCtx,
  purpose: string,
  subject: Record<string, unknown>,
  ttlMs: number,
): Promise<{ record: TokenRecord; url: string; token: string }> {
  const now = deps.clock.now().toISOString();
  const nonce = randomToken(18);
  const token = await deps.signer.sign(purpose, nonce);
  return {
    record: {
      nonce,
      purpose,
      subject: JSON.stringify(subject),
      expiresAt: addMs(now, ttlMs),
      createdAt: now,
    },
    url: `${deps.baseUrl}/t/${purpose}/${token}`,
    token,
  };
}

/** Every e-mail carries a one-click unsubscribe that needs no sign-in. */
export async function unsubscribeLink(deps: TokenCtx, email: string) {
  return issueToken(deps, "unsubscribe", { email }, 400 * DAY);
}

export function outboxMessage(
  deps: Pick<Ctx, "clock" | "newId">,
  kind: string,
  to: string[],
  content: MailContent,
  unsubscribeUrl: string | null,
): OutboxMessage {
  const now = deps.clock.now().toISOString();
  const id = deps.newId();
  const headers: Record<string, string> = { "X-Bap-Kind": kind };
  if (unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return {
    id,
    kind,
    to,
    ...content,
    headers,
    status: "pending",
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    sentAt: null,
  };
}

/** Compose an e-mail to one address, with its unsubscribe token; returns what to commit. */
export async function mailTo(
  deps: MailCtx,
  kind: string,
  to: string,
  build: (unsubscribe: string) => MailContent,
): Promise<{ message: OutboxMessage; tokens: TokenRecord[] }> {
  const u = await unsubscribeLink(deps, to);
  return { message: outboxMessage(deps, kind, [to], build(u.url), u.url), tokens: [u.record] };
}

export function auditEntry(
  deps: AuditCtx,
  actor: User | "system",
  action: string,
  targetType: string,
  targetId: string,
  detail: Record<string, unknown> = {},
): AuditEntry {
  return {
    id: deps.newId(),
    at: deps.clock.now().toISOString(),
    actorId: actor === "system" ? "system" : actor.id,
    action,
    targetType,
    targetId,
    detail,
  };
}

export const langOf = (p: Profile): Lang => p.contact.language ?? "fr";
export const profileUrl = (deps: Pick<Ctx, "baseUrl">, p: Profile) =>
  `${deps.baseUrl}/${p.side === "mali" ? "planche" : "partenaire"}/${p.id}`;
