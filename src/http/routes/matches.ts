import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { Context } from "hono";
import { requireManage } from "../../core/services/auth.js";
import { explainPair, findMatches } from "../../core/services/matching.js";
import { getProfile } from "../../core/services/profiles.js";
import type { AppEnv } from "../context.js";
import { json, problemResponses, PublicProfileSchema } from "../openapi-schemas.js";

const FactorsSchema = z.object({
  domain: z.number(),
  region: z.number(),
  size: z.number(),
  ties: z.number(),
  wishes: z.number(),
  fitForMali: z.number(),
  fitForPartner: z.number(),
  reciprocity: z.number(),
});

const MatchSchema = z
  .object({
    profile: PublicProfileSchema,
    score: z.number().min(0).max(1),
    rank: z.number().int().nullable(),
    factors: FactorsSchema,
    explanation: z.array(z.string()),
    reasons: z.array(z.object({ factor: z.string(), text: z.string() })),
    excluded: z.enum(["partnered", "declined"]).nullable(),
  })
  .meta({ id: "Match" });

const Lang = z.enum(["fr", "en"]).default("fr");

const matches = createRoute({
  method: "get",
  path: "/api/profiles/{id}/matches",
  tags: ["matching"],
  summary: "Ranked candidates of the other side, each with its factors and explanation",
  description:
    "Meilisearch retrieves published candidates; a pure, deterministic reciprocal ranking re-ranks them. Already partnered and declined pairs never appear.",
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10), lang: Lang }).strict(),
  },
  responses: {
    200: json(z.object({ matches: z.array(MatchSchema) }), "Ranked matches"),
    ...problemResponses,
  },
});

const pair = createRoute({
  method: "get",
  path: "/api/profiles/{id}/matches/{otherId}",
  tags: ["matching"],
  summary: "Why (not): the same breakdown for any pair, with its rank among the candidates",
  request: {
    params: z.object({ id: z.string().min(1).max(64), otherId: z.string().min(1).max(64) }),
    query: z.object({ lang: Lang }).strict(),
  },
  responses: { 200: json(MatchSchema, "The pair's breakdown"), ...problemResponses },
});

/** Matches of a published profile are public (public fields only); others need the owner or staff. */
async function guard(c: Context<AppEnv>, id: string): Promise<void> {
  const p = await getProfile(c.get("deps").profiles, id);
  if (p.status !== "published") requireManage(c.get("user"), p);
}

export function registerMatchRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(matches, async (c) => {
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    await guard(c, id);
    const { matches: list } = await findMatches(c.get("deps").matching, id, q);
    return c.json({ matches: list } as never, 200);
  });
  app.openapi(pair, async (c) => {
    const { id, otherId } = c.req.valid("param");
    await guard(c, id);
    await guard(c, otherId);
    const m = await explainPair(c.get("deps").matching, id, otherId, c.req.valid("query").lang);
    return c.json(m as never, 200);
  });
}
