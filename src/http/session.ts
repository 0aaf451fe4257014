import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { DomainError, fieldError } from "../core/errors.js";
import { SESSION_DAYS, sessionFromCookie } from "../core/services/auth.js";
import type { AppEnv } from "./context.js";

export const SESSION_COOKIE = "bap_session";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** A forbidden problem whose field error names the CSRF token, so a client can refresh it and retry. */
const csrfError = () =>
  DomainError.forbidden("auth.csrf", [fieldError("x-csrf-token", "csrf", "field.csrf")]);

/** A state change sent from another site, or from an Origin that is not a URL at all. */
const originError = () =>
  DomainError.forbidden("auth.cross_origin", [fieldError("origin", "cross_origin", "field.origin")]);

/** The host of an Origin header; null when the header is not a URL ("foo", "http://[::1"). */
const originHost = (origin: string) => (URL.canParse(origin) ? new URL(origin).host : null);

/**
 * Loads the signed-in user from the session cookie, and guards every state-changing
 * request: a cross-site Origin is refused, and a request carrying the session cookie must
 * also carry the session's CSRF token in `x-csrf-token` (double submit). Token links
 * (/t/...) are exempt: the signed token is their only authority.
 */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get("deps");
    const s = await sessionFromCookie(deps.curation, getCookie(c, SESSION_COOKIE));
    c.set("user", s?.user ?? null);
    c.set("session", s?.session ?? null);
    if (!SAFE.has(c.req.method) && !c.req.path.startsWith("/t/")) {
      const origin = c.req.header("origin");
      if (origin && origin !== "null" && originHost(origin) !== new URL(c.req.url).host) throw originError();
      if (s && c.req.header("x-csrf-token") !== s.session.csrf) throw csrfError();
    }
    await next();
  };
}

export function setSessionCookie(c: Context<AppEnv>, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: "Lax",
    secure: c.get("deps").secureCookies,
    path: "/",
    maxAge: SESSION_DAYS * 24 * 3600,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
