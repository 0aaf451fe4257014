import { z } from "zod";

export interface MaliUnit {
  /** The canonical code (src/core/reference-codes.ts): for the 2009 map, the P-code itself. */
  code: string;
  pcode: string;
  level: "region" | "cercle" | "commune";
  name: string;
  population: number | null;
  cercleCode: string | null;
  cercleName: string | null;
  regionCode: string | null;
  regionName: string | null;
  region2023: string | null;
  lat: number | null;
  lon: number | null;
}

export interface FrenchCollectivite {
  /** The canonical code, kind included: `commune:75056`, `epci:200054781`, `departement:32`, `region:32`. */
  code: string;
  /** The INSEE code (commune, département, région) or SIREN (EPCI) alone. */
  localCode: string;
  kind: "commune" | "epci" | "departement" | "region";
  name: string;
  population: number | null;
  /** Canonical code of its département (`departement:91`), if any. */
  departementCode: string | null;
  /** Canonical code of its région (`region:11`), if any. */
  regionCode: string | null;
  regionName: string | null;
}

export interface TieSide {
  name: string;
  code: string | null;
}

export interface Tie {
  id: string;
  french: TieSide & { kind: string; departement: string | null; region: string | null };
  malian: TieSide & { level: string; cercle: string | null; region: string | null };
  firstContactYear: number | null;
  formalisedYear: number | null;
  documentType: string | null;
  domains: string[];
  sources: string[];
}

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
