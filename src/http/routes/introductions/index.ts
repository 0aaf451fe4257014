import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import * as handlers from "./introductions.handlers.js";
import * as routes from "./introductions.routes.js";

export function registerIntroductions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(routes.read, handlers.read);
  app.openapi(routes.respond, handlers.respond);
  app.openapi(routes.interest, handlers.interest);
}
