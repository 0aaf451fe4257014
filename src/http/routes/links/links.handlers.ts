import type { Context } from "hono";
import { DomainError } from "../../../core/errors.js";
import { describeToken, performToken } from "../../../core/services/token-actions.js";
import type { AppEnv } from "../../context.js";
import type { AppRouteHandler } from "../../openapi.js";
import { requestLang, statusOf, toProblem } from "../../problem.js";
import { limitClient } from "../../rate-limit.js";
import { setSessionCookie } from "../../session.js";
import { tokenPage } from "../../token-pages.js";
import type * as routes from "./links.routes.js";

export const unknownLink = () => DomainError.notFound("token.unknown");

/** Render an error as a page: people open these links from their mailbox. A fault stays a fault. */
export function errorPage(c: Context<AppEnv>, err: unknown): Response {
  const d = toProblem(err);
  if (!d) throw err;
  const lang = requestLang(c);
  return c.html(
    tokenPage(lang, { title: lang === "fr" ? "Lien inutilisable" : "Unusable link", text: d.detail[lang] }),
    statusOf(d.code),
  );
}

export const page: AppRouteHandler<typeof routes.page> = async (c) => {
  try {
    const lang = requestLang(c);
    const { purpose, token } = c.req.valid("param");
    const d = await describeToken(c.get("deps").curation, purpose, token, lang);
    return c.html(tokenPage(lang, { ...d, action: c.req.path }), 200);
  } catch (err) {
    return errorPage(c, err);
  }
};

export const act: AppRouteHandler<typeof routes.act> = async (c) => {
  try {
    await limitClient(c, "token");
    const lang = requestLang(c);
    const { purpose, token } = c.req.valid("param");
    const outcome = await performToken(c.get("deps").curation, purpose, token);
    if (outcome.kind === "session") {
      setSessionCookie(c, outcome.sessionId);
      return c.redirect(outcome.next, 303);
    }
    return c.html(
      tokenPage(lang, { title: lang === "fr" ? "C'est fait" : "Done", text: outcome.message[lang] }),
      200,
    );
  } catch (err) {
    return errorPage(c, err);
  }
};

export const actJson: AppRouteHandler<typeof routes.actJson> = async (c) => {
  await limitClient(c, "token");
  const { purpose, token } = c.req.valid("param");
  const outcome = await performToken(c.get("deps").curation, purpose, token);
  if (outcome.kind === "session") {
    setSessionCookie(c, outcome.sessionId);
    return c.json({ signedIn: true as const, next: outcome.next, message: outcome.message }, 200);
  }
  return c.json({ done: true as const, message: outcome.message }, 200);
};
