import { z } from "zod";
import { SEARCH_SORTS } from "../constants.js";
import { DomainCodeSchema, LevelSchema, ProfileStatusSchema, SideSchema } from "./profile.js";

/** The public projection of a profile held by the search index: no contact data, ever. */
export const SearchDocumentSchema = z
  .object({
    id: z.string(),
    side: SideSchema,
    status: z.string(),
    name: z.string(),
    /** The canonical reference code (src/core/reference-codes.ts), null for a hand entry. */
    refCode: z.string().nullable(),
    country: z.string(),
    level: z.string(),
    population: z.number().nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    cercleCode: z.string().nullable(),
    cercleName: z.string().nullable(),
    /** Every domain the profile mentions (needs and offers). */
    sectors: z.array(z.string()),
    /** What the profile asks for (Malian priorities or the partner's themes sought). */
    needs: z.array(z.string()),
    /** What the profile can bring (the partner's expertise offered). */
    offers: z.array(z.string()),
    /** Labels of the sectors in French and English, so that "eau" or "water" finds them. */
    sectorLabels: z.array(z.string()),
    presentation: z.string(),
    /** Priority aspects and key actors in PDESC order, or the partner's offer. */
    details: z.array(z.string()),
    partnerSought: z.string(),
    /** Malian P-codes of the partner's preferred areas and diaspora origins. */
    areas: z.array(z.string()),
    modalities: z.array(z.string()),
    languages: z.array(z.string()),
    updatedAt: z.number(),
    publishedAt: z.number().nullable(),
  })
  .meta({ id: "SearchDocument" });
export type SearchDocument = z.infer<typeof SearchDocumentSchema>;

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(item).max(50));

export { SEARCH_SORTS };

export const SearchQuerySchema = z
  .object({
    q: z.string().trim().max(200).default(""),
    side: SideSchema.optional(),
    region: csv(z.string().max(20)).optional(),
    cercle: csv(z.string().max(20)).optional(),
    sector: csv(DomainCodeSchema).optional(),
    country: csv(z.string().regex(/^[A-Za-z]{2}$/)).optional(),
    level: csv(LevelSchema).optional(),
    populationMin: z.coerce.number().int().min(0).optional(),
    populationMax: z.coerce.number().int().min(0).optional(),
    status: ProfileStatusSchema.default("published"),
    sort: z.enum(SEARCH_SORTS).default("relevance"),
    /** 0 returns only the total and the facet counts. */
    limit: z.coerce.number().int().min(0).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const FACETS = ["side", "regionCode", "cercleCode", "sectors", "country", "level"] as const;

export const SearchResultSchema = z
  .object({
    hits: z.array(SearchDocumentSchema),
    total: z.number().int(),
    facets: z.record(z.string(), z.record(z.string(), z.number())),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: "SearchResult" });
export type SearchResult = z.infer<typeof SearchResultSchema>;
