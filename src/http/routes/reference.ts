import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { DomainError } from "../../core/errors.js";
import { TieQuerySchema } from "../../core/schemas/reference.js";
import { TAXONOMY } from "../../core/taxonomy.js";
import type { AppEnv } from "../context.js";
import { json, problemResponses } from "../openapi-schemas.js";

const tags = ["reference"];
const Lookup = (levels: readonly [string, ...string[]]) =>
  z
    .object({
      q: z.string().trim().max(100).default(""),
      level: z.enum(levels).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(10),
    })
    .strict()
    // Without a name, only a whole level may be listed (e.g. the 9 régions for a filter).
    .refine((v) => v.q.length > 0 || v.level !== undefined, {
      message: "q or level required",
      path: ["q"],
    });

const any = z.record(z.string(), z.unknown());

const mali = createRoute({
  method: "get",
  path: "/api/reference/mali",
  tags,
  summary: "Malian régions, cercles and communes by name (accent-insensitive autocomplete)",
  request: { query: Lookup(["region", "cercle", "commune"]) },
  responses: { 200: json(z.object({ items: z.array(any) }), "Matching units"), ...problemResponses },
});

const maliUnit = createRoute({
  method: "get",
  path: "/api/reference/mali/{pcode}",
  tags,
  summary: "One Malian unit by P-code",
  request: { params: z.object({ pcode: z.string().regex(/^ML\d{2,6}$/) }) },
  responses: { 200: json(any, "The unit"), ...problemResponses },
});

const france = createRoute({
  method: "get",
  path: "/api/reference/france",
  tags,
  summary: "French communes, EPCI, départements and régions by name (autocomplete)",
  request: { query: Lookup(["commune", "epci", "departement", "region"]) },
  responses: { 200: json(z.object({ items: z.array(any) }), "Matching collectivités"), ...problemResponses },
});

const taxonomy = createRoute({
  method: "get",
  path: "/api/reference/taxonomy",
  tags,
  summary: "The domain taxonomy (French and English labels)",
  responses: { 200: json(z.object({ items: z.array(any) }), "Domains") },
});

const travel = createRoute({
  method: "get",
  path: "/api/reference/travel-advice",
  tags,
  summary: "French travel advice for Mali by région (dated context, never an exclusion)",
  responses: { 200: json(any, "Zones") },
});

const ties = createRoute({
  method: "get",
  path: "/api/ties",
  tags: ["ties"],
  summary: "Existing franco-malian partnerships (2008 directory), filterable by either side",
  request: { query: TieQuerySchema },
  responses: { 200: json(any, "A page of ties"), ...problemResponses },
});

export function registerReferenceRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(mali, async (c) => {
    const q = c.req.valid("query");
    const reference = c.get("deps").reference;
    const items = q.q
      ? await reference.searchMali(q.q, { level: q.level as never, limit: q.limit })
      : (await reference.allMali()).filter((u) => u.level === q.level).slice(0, q.limit);
    return c.json({ items } as never, 200);
  });
  app.openapi(maliUnit, async (c) => {
    const unit = await c.get("deps").reference.maliUnit(c.req.valid("param").pcode);
    if (!unit) throw DomainError.notFound("reference.unit_not_found");
    return c.json(unit as never, 200);
  });
  app.openapi(france, async (c) => {
    const q = c.req.valid("query");
    if (!q.q) return c.json({ items: [] } as never, 200);
    const items = await c.get("deps").reference.searchFrance(q.q, { kind: q.level as never, limit: q.limit });
    return c.json({ items } as never, 200);
  });
  app.openapi(taxonomy, (c) =>
    c.json(
      { items: TAXONOMY.map((d) => ({ code: d.code, fr: d.fr, en: d.en, synonyms: d.synonyms })) } as never,
      200,
    ),
  );
  app.openapi(travel, (c) => c.json(c.get("deps").travelAdvice as never, 200));
  app.openapi(ties, async (c) => c.json((await c.get("deps").ties.list(c.req.valid("query"))) as never, 200));
}
