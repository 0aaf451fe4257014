import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { SearchQuerySchema } from "../../core/schemas/search.js";
import { DomainError } from "../../core/errors.js";
import { requireStaff } from "../../core/services/auth.js";
import type { AppEnv } from "../context.js";
import { json, problemResponses } from "../openapi-schemas.js";

const SearchResponseSchema = z
  .object({
    hits: z.array(z.record(z.string(), z.unknown())),
    total: z.number().int(),
    facets: z.record(z.string(), z.record(z.string(), z.number())),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: "SearchResult" });

const search = createRoute({
  method: "get",
  path: "/api/search",
  tags: ["search"],
  summary: "Full-text search of published profiles, with filters and facet counts",
  description:
    "Typo-tolerant and accent-insensitive. List filters (region, cercle, sector, country, level) take comma-separated values.",
  request: { query: SearchQuerySchema },
  responses: {
    200: json(SearchResponseSchema, "Hits, total and facet counts"),
    ...problemResponses,
    503: { description: "The search engine is unreachable" },
  },
});

export function registerSearchRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(search, async (c) => {
    const q = c.req.valid("query");
    // Only staff look beyond the published directory.
    if (q.status !== "published") requireStaff(c.get("user"));
    try {
      const result = await c.get("deps").search.search(q);
      return c.json(result as never, 200);
    } catch (_err) {
      throw DomainError.of("unavailable", "server.search_unavailable");
    }
  });
}
