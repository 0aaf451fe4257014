import { z } from "zod";

export interface MaliUnit {
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
  /** INSEE code (commune, département, région) or SIREN (EPCI). */
  code: string;
  kind: "commune" | "epci" | "departement" | "region";
  name: string;
  population: number | null;
  departementCode: string | null;
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
    /** Malian région or cercle P-code, or a French INSEE/SIREN code. */
    code: z.string().trim().max(20).optional(),
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
