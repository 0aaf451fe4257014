import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import {
  FrenchCollectiviteListSchema,
  MaliUnitListSchema,
  MaliUnitSchema,
  TaxonomyListSchema,
  TiePageSchema,
  TieQuerySchema,
  TravelAdviceSchema,
} from "../../../core/schemas/reference.js";
import { ALWAYS, anyone, E, json } from "../../openapi.js";

const tags = ["reference"];
const Lookup = <L extends readonly [string, ...string[]]>(levels: L) =>
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
const invalid = { 400: E[400], ...ALWAYS } as const;

export const mali = createRoute({
  method: "get",
  path: "/api/reference/mali",
  operationId: "searchMaliUnits",
  tags,
  summary: "Malian régions, cercles and communes by name (accent-insensitive autocomplete)",
  security: anyone,
  request: { query: Lookup(["region", "cercle", "commune"] as const) },
  responses: { 200: json(MaliUnitListSchema, "Matching units"), ...invalid },
});

export const maliUnit = createRoute({
  method: "get",
  path: "/api/reference/mali/{pcode}",
  operationId: "getMaliUnit",
  tags,
  summary: "One Malian unit by P-code",
  security: anyone,
  request: { params: z.object({ pcode: z.string().regex(/^ML\d{2,6}$/) }) },
  responses: { 200: json(MaliUnitSchema, "The unit"), 404: E[404], ...invalid },
});

export const france = createRoute({
  method: "get",
  path: "/api/reference/france",
  operationId: "searchFrenchCollectivites",
  tags,
  summary: "French communes, EPCI, départements and régions by name (autocomplete)",
  security: anyone,
  request: { query: Lookup(["commune", "epci", "departement", "region"] as const) },
  responses: { 200: json(FrenchCollectiviteListSchema, "Matching collectivités"), ...invalid },
});

export const taxonomy = createRoute({
  method: "get",
  path: "/api/reference/taxonomy",
  operationId: "getTaxonomy",
  tags,
  summary: "The domain taxonomy (French and English labels)",
  security: anyone,
  responses: { 200: json(TaxonomyListSchema, "Domains"), ...ALWAYS },
});

export const travel = createRoute({
  method: "get",
  path: "/api/reference/travel-advice",
  operationId: "getTravelAdvice",
  tags,
  summary: "French travel advice for Mali by région (dated context, never an exclusion)",
  security: anyone,
  responses: { 200: json(TravelAdviceSchema, "Zones"), ...ALWAYS },
});

export const ties = createRoute({
  method: "get",
  path: "/api/ties",
  operationId: "listTies",
  tags: ["ties"],
  summary: "Existing franco-malian partnerships (2008 directory), filterable by either side",
  security: anyone,
  request: { query: TieQuerySchema },
  responses: { 200: json(TiePageSchema, "A page of ties"), ...invalid },
});
