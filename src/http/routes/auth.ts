import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { LoginRequestSchema } from "../../core/schemas/account.js";
import { logout, normalizeEmail, requestLogin, requireUser } from "../../core/services/auth.js";
import { introductionDetail, myIntroductions } from "../../core/services/introductions.js";
import { toPublicProfile } from "../../core/schemas/profile.js";
import type { AppEnv } from "../context.js";
import { json, problemResponses } from "../openapi-schemas.js";
import { limitClient, rateLimit } from "../rate-limit.js";
import { clearSessionCookie } from "../session.js";

const any = z.record(z.string(), z.unknown());
const tags = ["accounts"];

const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags,
  summary: "Send a sign-in link by e-mail (single use, 20 minutes)",
  description: "Answers 202 whether or not the address is known. Rate-limited per address and per client.",
  request: { body: { content: { "application/json": { schema: LoginRequestSchema } }, required: true } },
  responses: {
    202: json(any, "Link sent if the address is valid"),
    ...problemResponses,
    429: { description: "Too many requests" },
  },
});

const logoutRoute = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags,
  summary: "Close the session",
  responses: { 200: json(any, "Signed out") },
});

const me = createRoute({
  method: "get",
  path: "/api/me",
  tags,
  summary: "The signed-in user (or null), the CSRF token for state-changing requests, and their profiles",
  responses: { 200: json(any, "Me") },
});

const meIntros = createRoute({
  method: "get",
  path: "/api/me/introductions",
  tags,
  summary: "Introductions involving my profiles",
  responses: { 200: json(any, "Introductions"), 401: { description: "Not signed in" } },
});

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(login, async (c) => {
    const input = c.req.valid("json");
    await limitClient(c, "login");
    await rateLimit(c, `login:email:${normalizeEmail(input.email)}`, 5, 900);
    await requestLogin(c.get("deps").curation, input);
    return c.json(
      {
        message_fr: "Si l'adresse est valide, un lien de connexion vient d'y être envoyé.",
        message: "If the address is valid, a sign-in link was just sent to it.",
      } as never,
      202,
    );
  });

  app.openapi(logoutRoute, async (c) => {
    const session = c.get("session");
    if (session) await logout(c.get("deps").curation, session);
    clearSessionCookie(c);
    return c.json({ ok: true } as never, 200);
  });

  app.openapi(me, async (c) => {
    const user = c.get("user");
    // Anonymous visitors get a plain answer, not an error: the web app asks on every load.
    if (!user) return c.json({ user: null, csrfToken: null, profiles: [] } as never, 200);
    const deps = c.get("deps");
    const profiles = await deps.profiles.store.list({ ownerId: user.id, limit: 100, offset: 0 });
    return c.json(
      {
        user: { id: user.id, email: user.email, role: user.role, language: user.language },
        csrfToken: c.get("session")?.csrf,
        profiles: profiles.items.map(toPublicProfile),
      } as never,
      200,
    );
  });

  app.openapi(meIntros, async (c) => {
    const user = requireUser(c.get("user"));
    const deps = c.get("deps").curation;
    const items = await Promise.all(
      (await myIntroductions(deps, user)).map((i) => introductionDetail(deps, i, user)),
    );
    return c.json({ items } as never, 200);
  });
}
