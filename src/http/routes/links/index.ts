import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../context.js";
import * as handlers from "./links.handlers.js";
import * as routes from "./links.routes.js";

/**
 * E-mail links: GET shows what the link will do and a button (so that a mail scanner that
 * prefetches links changes nothing); POST acts. `/api/tokens/...` is the JSON twin used by
 * the web application and the tests. An unknown purpose or a malformed token is an unknown
 * link (404), not a validation error: the person clicked what they were sent.
 */
export function registerLinks(app: OpenAPIHono<AppEnv>): void {
  const pageHook = (result: { success: boolean }, c: Context<AppEnv>) =>
    result.success ? undefined : handlers.errorPage(c, handlers.unknownLink());
  app.openapi(routes.page, handlers.page, pageHook);
  app.openapi(routes.act, handlers.act, pageHook);
  app.openapi(routes.actJson, handlers.actJson, (result) => {
    if (!result.success) throw handlers.unknownLink();
    return undefined;
  });
}
