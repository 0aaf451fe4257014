import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import * as handlers from "./staff.handlers.js";
import * as routes from "./staff.routes.js";

export function registerStaff(app: OpenAPIHono<AppEnv>): void {
  app.openapi(routes.queue, handlers.queue);
  app.openapi(routes.approve, handlers.approve);
  app.openapi(routes.sendBack, handlers.sendBack);
  app.openapi(routes.suggestions, handlers.suggestions);
  app.openapi(routes.propose, handlers.propose);
  app.openapi(routes.board, handlers.board);
  app.openapi(routes.phase, handlers.phase);
  app.openapi(routes.interests, handlers.interests);
  app.openapi(routes.interestPropose, handlers.interestPropose);
  app.openapi(routes.interestDismiss, handlers.interestDismiss);
  app.openapi(routes.outbox, handlers.outbox);
  app.openapi(routes.retry, handlers.retry);
  app.openapi(routes.stats, handlers.stats);
  app.openapi(routes.audit, handlers.audit);
}
