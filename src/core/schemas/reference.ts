import { z } from "zod";

export const MaliUnitSchema = z
  .object({
    /** The canonical code (src/core/reference-codes.ts): for the 2009 map, the P-code itself. */
    code: z.string(),
    pcode: z.string(),
    level: z.enum(["region", "cercle", "commune"]),
    name: z.string(),
    population: z.number().int().nullable(),
    cercleCode: z.string().nullable(),
    cercleName: z.string().nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    region2023: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
  })
  .meta({ id: "MaliUnit", description: "A Malian région, cercle or commune of the 2009 map." });
export type MaliUnit = z.infer<typeof MaliUnitSchema>;

export const FrenchCollectiviteSchema = z
  .object({
    /** The canonical code, kind included: `commune:75056`, `epci:200054781`, `departement:32`, `region:32`. */
    code: z.string(),
    /** The INSEE code (commune, département, région) or SIREN (EPCI) alone. */
    localCode: z.string(),
    kind: z.enum(["commune", "epci", "departement", "region"]),
    name: z.string(),
    population: z.number().int().nullable(),
    /** Canonical code of its département (`departement:91`), if any. */
    departementCode: z.string().nullable(),
    /** Canonical code of its région (`region:11`), if any. */
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
  })
  .meta({ id: "FrenchCollectivite" });
export type FrenchCollectivite = z.infer<typeof FrenchCollectiviteSchema>;

const TieSideSchema = z.object({ name: z.string(), code: z.string().nullable() });
export type TieSide = z.infer<typeof TieSideSchema>;

export const TieSchema = z
  .object({
    id: z.string(),
    french: TieSideSchema.extend({
      kind: z.string(),
      departement: z.string().nullable(),
      region: z.string().nullable(),
    }),
    malian: TieSideSchema.extend({
      level: z.string(),
      cercle: z.string().nullable(),
      region: z.string().nullable(),
    }),
    firstContactYear: z.number().int().nullable(),
    formalisedYear: z.number().int().nullable(),
    documentType: z.string().nullable(),
    domains: z.array(z.string()),
    sources: z.array(z.string()),
  })
  .meta({ id: "Tie", description: "An existing franco-malian partnership of the 2008 directory." });
export type Tie = z.infer<typeof TieSchema>;

export const TiePageSchema = z
  .object({
    items: z.array(TieSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: "TiePage" });
export const MaliUnitListSchema = z.object({ items: z.array(MaliUnitSchema) });
export const FrenchCollectiviteListSchema = z.object({ items: z.array(FrenchCollectiviteSchema) });
export const TaxonomyListSchema = z.object({
  items: z.array(
    z.object({ code: z.string(), fr: z.string(), en: z.string(), synonyms: z.array(z.string()) }),
  ),
});

export const TravelAdviceZoneSchema = z.object({
  region: z.string(),
  zone: z.string(),
  label: z.string(),
  as_of: z.string(),
});
export type TravelAdviceZone = z.infer<typeof TravelAdviceZoneSchema>;
/** The dated travel advice file as shipped in seeds/mali (extra provenance fields pass through). */
export const TravelAdviceSchema = z.looseObject({ current: z.array(TravelAdviceZoneSchema) }).meta({
  id: "TravelAdvice",
  description: "French travel advice for Mali by région: context, never an exclusion.",
});
export type TravelAdvice = z.infer<typeof TravelAdviceSchema>;

export const TieQuerySchema = z
  .object({
    french: z.string().trim().max(120).optional(),
    malian: z.string().trim().max(120).optional(),
    /** A canonical code of either side: a Malian P-code (a région or cercle also finds what lies in it) or a French `kind:code`. */
    code: z.string().trim().max(60).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type TieQuery = z.infer<typeof TieQuerySchema>;

export const LookupQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(100),
    level: z.string().max(20).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();
