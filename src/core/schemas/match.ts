import { z } from "zod";
import { PublicProfileSchema } from "./profile.js";

/** Each factor of a pair's score, 0 to 1 (src/core/ranking). */
export const FactorsSchema = z.object({
  domain: z.number(),
  region: z.number(),
  size: z.number(),
  ties: z.number(),
  wishes: z.number(),
  fitForMali: z.number(),
  fitForPartner: z.number(),
  reciprocity: z.number(),
});

export const MatchSchema = z
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
export type Match = z.infer<typeof MatchSchema>;

export const MatchListSchema = z.object({ matches: z.array(MatchSchema) }).meta({ id: "Matches" });

export const MATCH_LANGS = ["fr", "en"] as const;
