import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import * as handlers from "./search.handlers.js";
import * as routes from "./search.routes.js";

export function registerSearch(app: OpenAPIHono<AppEnv>): void {
  app.openapi(routes.search, handlers.search);
}
