import { createRoute } from "@hono/zod-openapi";
import { SearchQuerySchema, SearchResultSchema } from "../../../core/schemas/search.js";
import { ALWAYS, anyone, E, json } from "../../openapi.js";

export const search = createRoute({
  method: "get",
  path: "/api/search",
  operationId: "searchProfiles",
  tags: ["search"],
  summary: "Full-text search of published profiles, with filters and facet counts",
  description:
    "Typo-tolerant and accent-insensitive. List filters (region, cercle, sector, country, level) take comma-separated values. Other statuses than published: staff only.",
  security: anyone,
  request: { query: SearchQuerySchema },
  responses: {
    200: json(SearchResultSchema, "Hits, total and facet counts"),
    400: E[400],
    401: E[401],
    403: E[403],
    ...ALWAYS,
  },
});
