import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Env, Hono, MiddlewareHandler, Next } from "hono";

/** Where `vite build` writes the web application. */
export const WEB_DIST = resolve(fileURLToPath(new URL("../../web/dist", import.meta.url)));

/** Paths the server answers itself: never the web application's index.html. */
const SERVER_PATH = /^\/(?:api|t|docs|openapi\.json|health)(?:\/|$)/;
const HAS_EXTENSION = /\/[^/]*\.[A-Za-z0-9]+$/;

/** A client route of the single-page application (deep links reloaded in the browser). */
export function isClientRoute(path: string): boolean {
  return !SERVER_PATH.test(path) && !HAS_EXTENSION.test(path);
}

/**
 * The HTML shell may only load this origin's scripts. Lit's constructable stylesheets are
 * not subject to style-src; 'unsafe-inline' there only covers style attributes.
 */
const HTML_HEADERS = {
  "cache-control": "no-cache",
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
};
/** Vite names assets by content hash: they never change under the same name. */
const ASSET_HEADERS = {
  "cache-control": "public, max-age=31536000, immutable",
  "x-content-type-options": "nosniff",
};
const OTHER_HEADERS = { "cache-control": "public, max-age=3600", "x-content-type-options": "nosniff" };

/** Run a static handler and add headers only when it served a file (not on fall-through). */
function withHeaders<E extends Env>(
  handler: MiddlewareHandler<E>,
  headersFor: (c: Context<E>) => Record<string, string>,
): MiddlewareHandler<E> {
  return async (c, next: Next) => {
    let fellThrough = false;
    const res = await handler(c, async () => {
      fellThrough = true;
      await next();
    });
    if (!fellThrough && res instanceof Response) {
      for (const [name, value] of Object.entries(headersFor(c))) res.headers.set(name, value);
    }
    return res;
  };
}

/**
 * Serve the built web application after the API routes: files from `dir` (precompressed .br
 * and .gz when the browser accepts them), and index.html for client routes so that deep
 * links work on reload. An unknown /api/... path still ends in the API's problem+json 404.
 * Returns false when the application has not been built.
 */
export function serveWebApp<E extends Env>(app: Hono<E>, dir: string = WEB_DIST): boolean {
  if (!existsSync(join(dir, "index.html"))) return false;
  const files = withHeaders<E>(serveStatic({ root: dir, precompressed: true }), (c) => {
    const path = c.req.path;
    if (path.startsWith("/assets/")) return ASSET_HEADERS;
    return path === "/" || path.endsWith(".html") ? HTML_HEADERS : OTHER_HEADERS;
  });
  const shell = withHeaders<E>(
    serveStatic({ path: join(dir, "index.html"), precompressed: true }),
    () => HTML_HEADERS,
  );
  app.use("*", (c, next) => (SERVER_PATH.test(c.req.path) ? next() : files(c, next)));
  app.get("*", (c, next) => (isClientRoute(c.req.path) ? shell(c, next) : next()));
  return true;
}
