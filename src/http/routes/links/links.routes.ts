import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { TokenOutcomeSchema } from "../../../core/schemas/token.js";
import { TOKEN_PURPOSES } from "../../../core/services/token-actions.js";
import { ALWAYS, anyone, E, html, json, STATE_CHANGE } from "../../openapi.js";

const tags = ["links"];
const TokenParams = z.object({
  purpose: z.enum(TOKEN_PURPOSES).meta({ description: "What the link does" }),
  token: z.string().min(1).max(200).meta({ description: "The signed token from the e-mail" }),
});
const unusable = html(
  "A page saying why the link cannot be used (unknown, expired, already used, too many tries)",
);

/** The signed token is the only authority of a link: no session, no CSRF token needed. */
const byLink: Record<string, string[]>[] = [{}];

export const page = createRoute({
  method: "get",
  path: "/t/{purpose}/{token}",
  operationId: "openLink",
  tags,
  summary: "The page an e-mailed link opens: what the link will do, and a button",
  description: "Changes nothing, so that a mail scanner that prefetches links cannot act.",
  security: byLink,
  request: { params: TokenParams },
  responses: { 200: html("Confirmation page"), 404: unusable, 410: unusable, ...ALWAYS },
});

export const act = createRoute({
  method: "post",
  path: "/t/{purpose}/{token}",
  operationId: "useLink",
  tags,
  summary: "The confirmation page's button: acts once",
  description:
    "A sign-in link sets the session cookie and redirects (303) to its page of this site; the other links answer with a page saying what was done.",
  security: byLink,
  request: { params: TokenParams },
  responses: {
    200: html("What was done"),
    303: {
      description: "Signed in: session cookie set, redirect to the page the sign-in asked for",
      headers: { Location: { description: "A page of this site", schema: { type: "string" as const } } },
    },
    404: unusable,
    409: unusable,
    410: unusable,
    429: unusable,
    ...ALWAYS,
  },
});

export const actJson = createRoute({
  method: "post",
  path: "/api/tokens/{purpose}/{token}",
  operationId: "useLinkJson",
  tags,
  summary: "Use an e-mailed link from the web application (JSON)",
  description:
    "The JSON twin of the confirmation button; also the target of RFC 8058 one-click unsubscribe POSTs (their form body is ignored). A session sent along must carry its CSRF token.",
  security: anyone,
  request: { params: TokenParams },
  responses: {
    200: json(TokenOutcomeSchema, "Signed in (session cookie set), or done"),
    404: E[404],
    409: E[409],
    410: E[410],
    429: E[429],
    ...STATE_CHANGE,
  },
});
