import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import * as handlers from "./matches.handlers.js";
import * as routes from "./matches.routes.js";

export function registerMatches(app: OpenAPIHono<AppEnv>): void {
  app.openapi(routes.list, handlers.list);
  app.openapi(routes.pair, handlers.pair);
}
