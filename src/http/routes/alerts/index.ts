import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import * as handlers from "./alerts.handlers.js";
import * as routes from "./alerts.routes.js";

export function registerAlerts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(routes.get, handlers.get);
  app.openapi(routes.put, handlers.put);
}
