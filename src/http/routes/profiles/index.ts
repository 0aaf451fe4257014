import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import * as handlers from "./profiles.handlers.js";
import * as routes from "./profiles.routes.js";

export function registerProfiles(app: OpenAPIHono<AppEnv>): void {
  app.openapi(routes.create, handlers.create);
  app.openapi(routes.list, handlers.list);
  app.openapi(routes.read, handlers.read);
  app.openapi(routes.privateView, handlers.privateView);
  app.openapi(routes.update, handlers.update);
  app.openapi(routes.archive, handlers.archive);
  app.openapi(routes.submit, handlers.submit);
  app.openapi(routes.renew, handlers.renew);
}
