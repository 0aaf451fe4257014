import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { z } from "zod";
import { DomainError } from "../core/errors.js";
import { validationError } from "../core/validation.js";
import type { AppDeps, AppEnv } from "./context.js";
import { renderDocs } from "./docs.js";
import { json } from "./openapi-schemas.js";
import { bodyTooLarge, internalError, problemResponse, TransportError, toProblem } from "./problem.js";
import { registerAuthRoutes } from "./routes/auth.js";
import { registerIntroductionRoutes } from "./routes/introductions.js";
import { registerMatchRoutes } from "./routes/matches.js";
import { registerStaffRoutes } from "./routes/staff.js";
import { registerTokenRoutes } from "./routes/tokens.js";
import { sessionMiddleware } from "./session.js";
import { registerProfileRoutes } from "./routes/profiles.js";
import { registerReferenceRoutes } from "./routes/reference.js";
import { registerSearchRoutes } from "./routes/search.js";

export const API_INFO = {
  title: "Bourse aux partenaires API",
  version: "0.1.0",
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

const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.boolean(),
  search: z.boolean(),
  indexLag: z.number().int().meta({ description: "Profiles whose index entry is behind the database" }),
});
const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["operations"],
  summary: "Whether the database and the search engine answer, and how far the index lags",
  responses: { 200: json(HealthSchema, "All up"), 503: json(HealthSchema, "Degraded") },
});

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

  app.openapi(healthRoute, async (c) => {
    const h = await deps.health();
    const ok = h.database && h.search;
    return c.json({ status: ok ? ("ok" as const) : ("degraded" as const), ...h }, ok ? 200 : 503);
  });

  registerProfileRoutes(app);
  registerAuthRoutes(app);
  registerTokenRoutes(app);
  registerStaffRoutes(app);
  registerIntroductionRoutes(app);
  registerMatchRoutes(app);
  registerSearchRoutes(app);
  registerReferenceRoutes(app);

  app.doc31("/openapi.json", { openapi: "3.1.0", info: API_INFO });
  app.get("/docs", (c) => {
    const spec = app.getOpenAPI31Document({ openapi: "3.1.0", info: API_INFO });
    return c.html(renderDocs(spec as unknown as Parameters<typeof renderDocs>[0]));
  });
  return app;
}
