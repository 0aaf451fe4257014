import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { MatchListSchema, MatchSchema } from "../../../core/schemas/match.js";
import { ALWAYS, anyone, E, json, LangQuery } from "../../openapi.js";

const tags = ["matching"];
const Id = z.string().min(1).max(64);
const errors = { 400: E[400], 401: E[401], 403: E[403], 404: E[404], ...ALWAYS } as const;

export const list = createRoute({
  method: "get",
  path: "/api/profiles/{id}/matches",
  operationId: "listMatches",
  tags,
  summary: "Ranked candidates of the other side, each with its factors and explanation",
  description:
    "Meilisearch retrieves published candidates; a pure, deterministic reciprocal ranking re-ranks them. Already partnered and declined pairs never appear. A profile not yet published: its owner or staff only.",
  security: anyone,
  request: {
    params: z.object({ id: Id }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10), lang: LangQuery }).strict(),
  },
  responses: { 200: json(MatchListSchema, "Ranked matches"), ...errors },
});

export const pair = createRoute({
  method: "get",
  path: "/api/profiles/{id}/matches/{otherId}",
  operationId: "explainMatch",
  tags,
  summary: "Why (not): the same breakdown for any pair, with its rank among the candidates",
  security: anyone,
  request: { params: z.object({ id: Id, otherId: Id }), query: z.object({ lang: LangQuery }).strict() },
  responses: { 200: json(MatchSchema, "The pair's breakdown"), ...errors },
});
