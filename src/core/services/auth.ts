import type { Ctx, MailCtx } from "./curation-deps.js";
import { DomainError, fieldError } from "../errors.js";
import { messages } from "../mail/messages.js";
import type { Session, User } from "../schemas/account.js";
import type { Profile } from "../schemas/profile.js";
import { sameOriginPath } from "../security/site-path.js";
import { randomToken, sha256 } from "../security/tokens.js";
import {
  addMs,
  type CommitCtx,
  type CurationDeps,
  commit,
  DAY,
  issueToken,
  mailTo,
} from "./curation-deps.js";

export const LOGIN_TTL_MINUTES = 20;
export const SESSION_DAYS = 30;

export const forbidden = () => DomainError.forbidden("auth.forbidden");

export const unauthenticated = () => DomainError.of("unauthenticated", "auth.unauthenticated");

export function requireUser(user: User | null): User {
  if (!user) throw unauthenticated();
  return user;
}

export function requireStaff(user: User | null): User {
  const u = requireUser(user);
  if (u.role !== "staff") throw forbidden();
  return u;
}

/** The owner of a profile and AMM staff may act on it; nobody else. */
export function canManage(user: User | null, p: Profile): boolean {
  return Boolean(user && (user.role === "staff" || (p.ownerId !== null && p.ownerId === user.id)));
}

export function requireManage(user: User | null, p: Profile): User {
  const u = requireUser(user);
  if (!canManage(u, p)) throw forbidden();
  return u;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

async function userFor(
  deps: Pick<CurationDeps, "accounts" | "newId" | "clock">,
  email: string,
  language: "fr" | "en",
  role: User["role"],
) {
  const existing = await deps.accounts.userByEmail(email);
  if (existing) return { user: existing, created: false };
  const user: User = { id: deps.newId(), email, role, language, createdAt: deps.clock.now().toISOString() };
  return { user, created: true };
}

/**
 * Send a magic link. The answer is the same whether or not the address is known, so that
 * nobody can learn who has an account. A new address gets a contact account.
 */
export async function requestLogin(
  deps: Pick<Ctx, "accounts"> & MailCtx & CommitCtx,
  input: { email: string; language: "fr" | "en"; next?: string },
): Promise<void> {
  const next = input.next === undefined ? "/" : sameOriginPath(input.next, deps.baseUrl);
  if (next === null) {
    throw DomainError.validation("auth.next_elsewhere", [
      fieldError("next", "not_same_origin", "field.site_path"),
    ]);
  }
  const email = normalizeEmail(input.email);
  const { user, created } = await userFor(deps, email, input.language, "contact");
  const link = await issueToken(deps, "login", { userId: user.id, next }, LOGIN_TTL_MINUTES * 60_000);
  const lang = created ? input.language : user.language;
  const mail = await mailTo(deps, "login", email, (u) =>
    messages.login(lang, link.url, LOGIN_TTL_MINUTES, u),
  );
  await commit(deps, {
    users: created ? [user] : [],
    issueTokens: [link.record, ...mail.tokens],
    outbox: [mail.message],
  });
}

/**
 * Exchange a login token for a session (the token is used up). Everything that could fail is
 * decided before the commit: a `next` stored by older code that leaves the site becomes "/".
 */
export async function completeLogin(
  deps: Pick<Ctx, "accounts" | "baseUrl"> & CommitCtx,
  nonce: string,
  subject: { userId: string; next?: unknown },
): Promise<{ sessionId: string; session: Session; user: User; next: string }> {
  const next = sameOriginPath(subject.next ?? "/", deps.baseUrl) ?? "/";
  const user = await deps.accounts.userById(subject.userId);
  if (!user) throw DomainError.gone("auth.account_gone");
  const sessionId = randomToken(32);
  const now = deps.clock.now().toISOString();
  const session: Session = {
    idHash: await sha256(sessionId),
    userId: user.id,
    csrf: randomToken(24),
    expiresAt: addMs(now, SESSION_DAYS * DAY),
    createdAt: now,
  };
  await commit(deps, { useTokens: [nonce], sessions: [session] });
  return { sessionId, session, user, next };
}

export async function sessionFromCookie(
  deps: Pick<CurationDeps, "accounts" | "clock">,
  cookie: string | undefined,
): Promise<{ user: User; session: Session } | null> {
  if (!cookie || cookie.length > 100) return null;
  const session = await deps.accounts.sessionByHash(await sha256(cookie), deps.clock.now().toISOString());
  if (!session) return null;
  const user = await deps.accounts.userById(session.userId);
  return user ? { user, session } : null;
}

export async function logout(deps: CommitCtx, session: Session): Promise<void> {
  await commit(deps, { deleteSessions: [session.idHash] });
}

/** `npm run staff:add -- <email>`: create a staff account, or promote a contact. */
/** What adding a staff member needs, no more: the accounts and a commit. */
export type AddStaffCtx = Pick<CurationDeps, "accounts" | "newId"> & CommitCtx;

export async function addStaff(deps: AddStaffCtx, email: string): Promise<User> {
  const normalized = normalizeEmail(email);
  const { user } = await userFor(deps, normalized, "fr", "staff");
  const staff: User = { ...user, role: "staff" };
  await commit(deps, { users: [staff] });
  return staff;
}
