import {
  logout as closeSession,
  normalizeEmail,
  requestLogin,
  requireUser,
} from "../../../core/services/auth.js";
import { introductionDetail, myIntroductions as mine } from "../../../core/services/introductions.js";
import { whoAmI } from "../../../core/services/me.js";
import type { AppRouteHandler } from "../../openapi.js";
import { limitClient, rateLimit } from "../../rate-limit.js";
import { clearSessionCookie } from "../../session.js";
import type * as routes from "./auth.routes.js";

export const login: AppRouteHandler<typeof routes.login> = async (c) => {
  const input = c.req.valid("json");
  await limitClient(c, "login");
  await rateLimit(c, `login:email:${normalizeEmail(input.email)}`, 5, 900);
  await requestLogin(c.get("deps").curation, input);
  return c.json(
    {
      message_fr: "Si l'adresse est valide, un lien de connexion vient d'y être envoyé.",
      message: "If the address is valid, a sign-in link was just sent to it.",
    },
    202,
  );
};

export const logout: AppRouteHandler<typeof routes.logout> = async (c) => {
  const session = c.get("session");
  if (session) await closeSession(c.get("deps").curation, session);
  clearSessionCookie(c);
  return c.json({ ok: true as const }, 200);
};

export const me: AppRouteHandler<typeof routes.me> = async (c) =>
  c.json(await whoAmI(c.get("deps").curation, c.get("user"), c.get("session")), 200);

export const myIntroductions: AppRouteHandler<typeof routes.myIntroductions> = async (c) => {
  const user = requireUser(c.get("user"));
  const deps = c.get("deps").curation;
  const items = await Promise.all((await mine(deps, user)).map((i) => introductionDetail(deps, i, user)));
  return c.json({ items }, 200);
};
