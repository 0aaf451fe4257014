import { requireUser } from "../../../core/services/auth.js";
import {
  expressInterest,
  getIntroduction,
  introductionDetail,
  respondToIntroduction,
  sideOf,
} from "../../../core/services/introductions.js";
import type { AppRouteHandler } from "../../openapi.js";
import { rateLimit } from "../../rate-limit.js";
import type * as routes from "./introductions.routes.js";

export const read: AppRouteHandler<typeof routes.read> = async (c) => {
  const user = requireUser(c.get("user"));
  const deps = c.get("deps").curation;
  const intro = await getIntroduction(deps, c.req.valid("param").id);
  return c.json(await introductionDetail(deps, intro, user), 200);
};

export const respond: AppRouteHandler<typeof routes.respond> = async (c) => {
  const user = requireUser(c.get("user"));
  const deps = c.get("deps").curation;
  const intro = await getIntroduction(deps, c.req.valid("param").id);
  const { decision, profileId } = c.req.valid("json");
  const side = await sideOf(deps, intro, user, profileId);
  const next = await respondToIntroduction(deps, intro.id, side, decision, user.id, null);
  return c.json(await introductionDetail(deps, next, user), 200);
};

export const interest: AppRouteHandler<typeof routes.interest> = async (c) => {
  const user = requireUser(c.get("user"));
  await rateLimit(c, `interest:${user.id}`, 10, 3600);
  const i = await expressInterest(c.get("deps").curation, user, c.req.valid("param").id, c.req.valid("json"));
  return c.json(i, 201);
};
