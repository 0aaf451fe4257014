import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import * as handlers from "./reference.handlers.js";
import * as routes from "./reference.routes.js";

export function registerReference(app: OpenAPIHono<AppEnv>): void {
  app.openapi(routes.mali, handlers.mali);
  app.openapi(routes.maliUnit, handlers.maliUnit);
  app.openapi(routes.france, handlers.france);
  app.openapi(routes.taxonomy, handlers.taxonomy);
  app.openapi(routes.travel, handlers.travel);
  app.openapi(routes.ties, handlers.ties);
}
