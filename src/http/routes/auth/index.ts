import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import * as handlers from "./auth.handlers.js";
import * as routes from "./auth.routes.js";

export function registerAuth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(routes.login, handlers.login);
  app.openapi(routes.logout, handlers.logout);
  app.openapi(routes.me, handlers.me);
  app.openapi(routes.myIntroductions, handlers.myIntroductions);
}
