import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { DomainError } from "../../core/errors.js";
import {
  describeToken,
  performToken,
  TOKEN_PURPOSES,
  type TokenPurpose,
} from "../../core/services/token-actions.js";
import type { AppEnv } from "../context.js";
import { requestLang, toDomainError } from "../problem.js";
import { limitClient } from "../rate-limit.js";
import { setSessionCookie } from "../session.js";
import { tokenPage } from "../token-pages.js";

function purposeOf(c: Context<AppEnv>): TokenPurpose {
  const p = c.req.param("purpose");
  if (!(TOKEN_PURPOSES as readonly string[]).includes(p ?? "")) {
    throw new DomainError("not_found", { fr: "Lien inconnu.", en: "Unknown link." });
  }
  return p as TokenPurpose;
}

/** Render a domain error as a page: people open these links from their mailbox. */
function errorPage(c: Context<AppEnv>, err: unknown): Response {
  const d = toDomainError(err);
  if (!d) throw err;
  const lang = requestLang(c);
  const status =
    d.code === "gone" ? 410 : d.code === "not_found" ? 404 : d.code === "rate_limited" ? 429 : 400;
  return c.html(
    tokenPage(lang, { title: lang === "fr" ? "Lien inutilisable" : "Unusable link", text: d.detail[lang] }),
    status,
  );
}

/**
 * E-mail links: GET shows what the link will do and a button (so that a mail scanner that
 * prefetches links changes nothing); POST acts. `/api/tokens/...` is the JSON twin used by
 * the web application and the tests; it also answers RFC 8058 one-click unsubscribe POSTs.
 */
export function registerTokenRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get("/t/:purpose/:token", async (c) => {
    try {
      const lang = requestLang(c);
      const d = await describeToken(c.get("deps").curation, purposeOf(c), c.req.param("token"), lang);
      return c.html(tokenPage(lang, { ...d, action: c.req.path }));
    } catch (err) {
      return errorPage(c, err);
    }
  });

  app.post("/t/:purpose/:token", async (c) => {
    try {
      await limitClient(c, "token");
      const lang = requestLang(c);
      const outcome = await performToken(c.get("deps").curation, purposeOf(c), c.req.param("token"));
      if (outcome.kind === "session") {
        setSessionCookie(c, outcome.sessionId);
        return c.redirect(outcome.next, 303);
      }
      return c.html(
        tokenPage(lang, { title: lang === "fr" ? "C'est fait" : "Done", text: outcome.message[lang] }),
      );
    } catch (err) {
      return errorPage(c, err);
    }
  });

  app.post("/api/tokens/:purpose/:token", async (c) => {
    await limitClient(c, "token");
    const outcome = await performToken(c.get("deps").curation, purposeOf(c), c.req.param("token"));
    if (outcome.kind === "session") {
      setSessionCookie(c, outcome.sessionId);
      return c.json({ signedIn: true, next: outcome.next, message: outcome.message });
    }
    return c.json({ done: true, message: outcome.message });
  });
}
