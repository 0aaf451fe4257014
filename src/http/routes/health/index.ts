import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import * as handlers from "./health.handlers.js";
import * as routes from "./health.routes.js";

export function registerHealth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(routes.health, handlers.health);
}
