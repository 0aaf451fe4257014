import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { DomainError } from "../core/errors.js";
import { validationError } from "../core/validation.js";
import type { AppDeps, AppEnv } from "./context.js";
import { renderDocs } from "./docs.js";
import { problemResponse, toDomainError } from "./problem.js";
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

/** Build the HTTP application once from its dependencies; no I/O happens here. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues);
    },
  });

  app.use("*", async (c, next) => {
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
        throw new DomainError(
          "validation",
          { fr: "Requête trop volumineuse.", en: "Request body too large." },
          [{ field: "(body)", code: "too_large", fr: "Corps trop volumineux.", en: "Body too large." }],
        );
      },
    }),
  );

  app.onError((err, c) => {
    const domain = toDomainError(err);
    if (domain) return problemResponse(c, domain);
    console.error(`[http] ${c.req.method} ${c.req.path}:`, err);
    return problemResponse(
      c,
      new DomainError("unavailable", {
        fr: "Erreur interne ; réessayez dans un instant.",
        en: "Internal error; please retry in a moment.",
      }),
    );
  });
  app.notFound((c) =>
    problemResponse(
      c,
      new DomainError("not_found", { fr: "Cette adresse n'existe pas.", en: "No such route." }),
    ),
  );

  app.get("/health", async (c) => {
    const h = await deps.health();
    const ok = h.database && h.search;
    return c.json({ status: ok ? "ok" : "degraded", ...h }, ok ? 200 : 503);
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
