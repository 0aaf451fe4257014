import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { DomainError } from "../core/errors.js";
import { validationError } from "../core/validation.js";
import type { AppDeps, AppEnv } from "./context.js";
import { type DocsSpec, renderDocs } from "./docs.js";
import { SECURITY_SCHEMES } from "./openapi.js";
import { bodyTooLarge, internalError, problemResponse, TransportError, toProblem } from "./problem.js";
import { registerAlerts } from "./routes/alerts/index.js";
import { registerAuth } from "./routes/auth/index.js";
import { registerHealth } from "./routes/health/index.js";
import { registerIntroductions } from "./routes/introductions/index.js";
import { registerLinks } from "./routes/links/index.js";
import { registerMatches } from "./routes/matches/index.js";
import { registerProfiles } from "./routes/profiles/index.js";
import { registerReference } from "./routes/reference/index.js";
import { registerSearch } from "./routes/search/index.js";
import { registerStaff } from "./routes/staff/index.js";
import { sessionMiddleware } from "./session.js";

export const API_INFO = {
  title: "Bourse aux partenaires API",
  version: "0.1.0",
  license: {
    name: "Proprietary — Association des Municipalités du Mali",
    identifier: "LicenseRef-Proprietary",
  },
  contact: { name: "AMM — Bourse aux partenaires" },
  description:
    "Partner exchange between Malian collectivités territoriales and collectivités abroad. Errors are RFC 9457 problem+json with messages in French and English.",
};

/**
 * Longest path and query answered (RFC 9110 asks for at least 8,000 octets). Node refuses a
 * request head over 16 KiB on its own, with a 431 (see src/entry/node-server.ts).
 */
export const MAX_REQUEST_TARGET = 8192;

/** Length of the path and query of an absolute URL. */
const requestTargetLength = (url: string) => {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  return start === -1 ? 1 : url.length - start;
};

const uriTooLong = () =>
  TransportError.of("uri_too_long", "request.uri_too_long", { max: MAX_REQUEST_TARGET });

const TAGS = [
  { name: "profiles", description: "Planches of Malian collectivités and profiles of partners abroad" },
  { name: "alerts", description: "E-mail alerts when a new profile of the other side fits" },
  { name: "matching", description: "Reciprocal ranking of the other side, with its reasons" },
  { name: "search", description: "Full-text search of the directory with facets" },
  { name: "introductions", description: "Double opt-in introductions and expressions of interest" },
  { name: "accounts", description: "Sign-in by e-mailed link, the session, my introductions" },
  {
    name: "links",
    description: "The single-use links sent by e-mail (sign-in, accept, decline, renew, unsubscribe)",
  },
  {
    name: "staff",
    description: "AMM staff: review, suggestions, pipeline, interests, outbox, statistics, audit",
  },
  { name: "reference", description: "Mali's and France's collectivités, the domain taxonomy, travel advice" },
  { name: "ties", description: "Existing franco-malian partnerships (2008 directory)" },
  { name: "operations", description: "Health of the service" },
];

/** Build the HTTP application once from its dependencies; no I/O happens here. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues);
    },
  });

  app.use("*", async (c, next) => {
    if (requestTargetLength(c.req.url) > MAX_REQUEST_TARGET) throw uriTooLong();
    c.set("deps", deps);
    await next();
  });
  app.use("*", sessionMiddleware());
  // JSON answers shrink several times over a slow mobile connection.
  app.use("/api/*", compress());
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: deps.maxBodyBytes ?? 256 * 1024,
      onError: () => {
        throw bodyTooLarge();
      },
    }),
  );

  app.onError((err, c) => {
    const problem = toProblem(err);
    if (problem) return problemResponse(c, problem);
    console.error(`[http] ${c.req.method} ${c.req.path}:`, err);
    return problemResponse(c, internalError());
  });
  app.notFound((c) => problemResponse(c, DomainError.notFound("route.not_found")));

  registerHealth(app);
  registerProfiles(app);
  registerAlerts(app);
  registerAuth(app);
  registerLinks(app);
  registerStaff(app);
  registerIntroductions(app);
  registerMatches(app);
  registerSearch(app);
  registerReference(app);

  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) {
    app.openAPIRegistry.registerComponent("securitySchemes", name, scheme);
  }
  const document = {
    openapi: "3.1.0",
    info: API_INFO,
    servers: [{ url: deps.publicUrl, description: "This server" }],
    tags: TAGS,
  };
  app.doc31("/openapi.json", document);
  app.get("/docs", (c) => {
    const spec: DocsSpec = app.getOpenAPI31Document(document);
    return c.html(renderDocs(spec));
  });
  return app;
}
