import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import { z } from "zod";
import { ProblemSchema } from "../core/schemas/problem.js";
import type { AppEnv } from "./context.js";

/** A handler typed from its route: its input from the request schemas, its answers from the responses. */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const html = (description: string) => ({
  description,
  content: { "text/html": { schema: z.string() } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true as const },
});

/** The client errors and faults an operation can answer, each a problem+json. */
const PROBLEMS = {
  400: "Invalid input: a field, the query, or a body that is not JSON or too large (problem+json, field by field)",
  401: "Not signed in",
  403: "Not allowed: another user's resource, not staff, or a state change without the session's CSRF token or from another site",
  404: "Not found",
  409: "Conflict: the resource changed in the meantime, or the action does not fit its current state",
  410: "A link that expired or was already used",
  414: "The path and query are longer than 8 KiB",
  415: "The body is not JSON",
  429: "Too many requests from this client or this user; retry after the Retry-After header",
  503: "The server failed (database or search engine unreachable); nothing the request did is lost",
} as const;
export type ProblemStatus = keyof typeof PROBLEMS;

const problem = (status: ProblemStatus) => ({
  description: PROBLEMS[status],
  content: { "application/problem+json": { schema: ProblemSchema } },
});

/**
 * Problem responses by status. Each route lists exactly what its handler and the middleware in
 * front of it can produce, plus ALWAYS (414 for a URL over 8 KiB, 503 when the server fails);
 * tests/http/fuzz.test.ts fails on a status it observes that the document does not declare.
 */
export const E = {
  400: problem(400),
  401: problem(401),
  403: problem(403),
  404: problem(404),
  409: problem(409),
  410: problem(410),
  414: problem(414),
  415: problem(415),
  429: problem(429),
  503: problem(503),
} as const;
export const ALWAYS = { 414: E[414], 503: E[503] } as const;
/** What every state change may meet before its handler: the body limit, the Origin and CSRF checks. */
export const STATE_CHANGE = { 400: E[400], 403: E[403], ...ALWAYS } as const;
/** And a JSON body: its validation and its content type. */
export const JSON_CHANGE = { ...STATE_CHANGE, 415: E[415] } as const;

/** The session cookie, and the CSRF header that must come with it on a state change. */
export const SECURITY_SCHEMES = {
  session: {
    type: "apiKey",
    in: "cookie",
    name: "bap_session",
    description: "Set by the e-mailed sign-in link (POST /t/login/{token}); HttpOnly, SameSite=Lax.",
  },
  csrf: {
    type: "apiKey",
    in: "header",
    name: "x-csrf-token",
    description:
      "The session's CSRF token (GET /api/me → csrfToken), required on every state change made with the session.",
  },
} as const;

/** Who may call: anyone (a session may still be sent), or a signed-in user (cookie, and CSRF on changes). */
type Security = Record<string, string[]>[];
export const anyone: Security = [{}, { session: [] }];
export const signedIn: Security = [{ session: [] }];
export const signedInChange: Security = [{ session: [], csrf: [] }];
export const anyoneChange: Security = [{}, { session: [], csrf: [] }];

export const IdParam = z.object({
  id: z.string().min(1).max(64).meta({ description: "A profile, introduction, interest or message id" }),
});
export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
export const LangQuery = z.enum(["fr", "en"]).default("fr");
