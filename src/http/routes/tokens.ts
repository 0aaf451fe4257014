import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { DomainError } from "../../core/errors.js";
import { describeToken, performToken, TOKEN_PURPOSES } from "../../core/services/token-actions.js";
import type { AppEnv } from "../context.js";
import { json, ProblemSchema } from "../openapi-schemas.js";
import { requestLang, toProblem } from "../problem.js";
import { limitClient } from "../rate-limit.js";
import { setSessionCookie } from "../session.js";
import { tokenPage } from "../token-pages.js";

const tags = ["links"];
const TokenParams = z.object({
  purpose: z.enum(TOKEN_PURPOSES).meta({ description: "What the link does" }),
  token: z.string().min(1).max(200).meta({ description: "The signed token from the e-mail" }),
});
const html = (description: string) => ({
  description,
  content: { "text/html": { schema: z.string() } },
});
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});
const unusable = html(
  "A page saying why the link cannot be used (unknown, expired, already used, too many tries)",
);

const page = createRoute({
  method: "get",
  path: "/t/{purpose}/{token}",
  tags,
  summary: "The page an e-mailed link opens: what the link will do, and a button",
  description: "Changes nothing, so that a mail scanner that prefetches links cannot act.",
  request: { params: TokenParams },
  responses: { 200: html("Confirmation page"), 404: unusable, 410: unusable },
});

const act = createRoute({
  method: "post",
  path: "/t/{purpose}/{token}",
  tags,
  summary: "The confirmation page's button: acts once",
  description:
    "A sign-in link sets the session cookie and redirects (303) to its page of this site; the other links answer with a page saying what was done.",
  request: { params: TokenParams },
  responses: {
    200: html("What was done"),
    303: { description: "Signed in: session cookie set, redirect to the page the sign-in asked for" },
    404: unusable,
    410: unusable,
    429: unusable,
  },
});

const SignedIn = z.object({
  signedIn: z.literal(true),
  next: z.string(),
  message: z.object({ fr: z.string(), en: z.string() }),
});
const Done = z.object({ done: z.literal(true), message: z.object({ fr: z.string(), en: z.string() }) });

const actJson = createRoute({
  method: "post",
  path: "/api/tokens/{purpose}/{token}",
  tags,
  summary: "Use an e-mailed link from the web application (JSON)",
  description:
    "The JSON twin of the confirmation button; also the target of RFC 8058 one-click unsubscribe POSTs (their form body is ignored).",
  request: { params: TokenParams },
  responses: {
    200: json(z.union([SignedIn, Done]), "Signed in (session cookie set), or done"),
    404: problem("Unknown link"),
    410: problem("Expired or already used"),
    429: problem("Too many tries from this client"),
  },
});

const unknownLink = () => DomainError.notFound("token.unknown");

/** Render an error as a page: people open these links from their mailbox. A fault stays a fault. */
function errorPage(c: Context<AppEnv>, err: unknown): Response {
  const d = toProblem(err);
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
 * the web application and the tests. An unknown purpose or a malformed token is an unknown
 * link (404), not a validation error: the person clicked what they were sent.
 */
export function registerTokenRoutes(app: OpenAPIHono<AppEnv>): void {
  const pageHook = (result: { success: boolean }, c: Context<AppEnv>) =>
    result.success ? undefined : errorPage(c, unknownLink());

  app.openapi(
    page,
    async (c) => {
      try {
        const lang = requestLang(c);
        const { purpose, token } = c.req.valid("param");
        const d = await describeToken(c.get("deps").curation, purpose, token, lang);
        return c.html(tokenPage(lang, { ...d, action: c.req.path }), 200);
      } catch (err) {
        return errorPage(c, err);
      }
    },
    pageHook,
  );

  app.openapi(
    act,
    async (c) => {
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
    },
    pageHook,
  );

  app.openapi(
    actJson,
    async (c) => {
      await limitClient(c, "token");
      const { purpose, token } = c.req.valid("param");
      const outcome = await performToken(c.get("deps").curation, purpose, token);
      if (outcome.kind === "session") {
        setSessionCookie(c, outcome.sessionId);
        return c.json({ signedIn: true as const, next: outcome.next, message: outcome.message }, 200);
      }
      return c.json({ done: true as const, message: outcome.message }, 200);
    },
    (result) => {
      if (!result.success) throw unknownLink();
      return undefined;
    },
  );
}
