import type { Context } from "hono";
import { requireManage } from "../../../core/services/auth.js";
import { explainPair, findMatches } from "../../../core/services/matching.js";
import { getProfile } from "../../../core/services/profiles.js";
import type { AppEnv } from "../../context.js";
import type { AppRouteHandler } from "../../openapi.js";
import type * as routes from "./matches.routes.js";

/** Matches of a published profile are public (public fields only); others need the owner or staff. */
async function guard(c: Context<AppEnv>, id: string): Promise<void> {
  const p = await getProfile(c.get("deps").profiles, id);
  if (p.status !== "published") requireManage(c.get("user"), p);
}

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const { id } = c.req.valid("param");
  await guard(c, id);
  const { matches } = await findMatches(c.get("deps").matching, id, c.req.valid("query"));
  return c.json({ matches }, 200);
};

export const pair: AppRouteHandler<typeof routes.pair> = async (c) => {
  const { id, otherId } = c.req.valid("param");
  await guard(c, id);
  await guard(c, otherId);
  return c.json(await explainPair(c.get("deps").matching, id, otherId, c.req.valid("query").lang), 200);
};
