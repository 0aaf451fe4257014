import { z } from "zod";

/** Figures for the staff statistics page, computed from the record. */
export const StatsSchema = z
  .object({
    totals: z.object({
      planches: z.number().int(),
      partners: z.number().int(),
      introductions: z.number().int(),
    }),
    /** Published planches and partners' preferred areas, per Malian région (with its centre). */
    byRegion: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        lat: z.number().nullable(),
        lon: z.number().nullable(),
        planches: z.number().int(),
        partnersInterested: z.number().int(),
      }),
    ),
    /** Per sector: planches that need it (a PDESC priority) and partners that offer it. */
    bySector: z.array(
      z.object({
        sector: z.string(),
        needs: z.number().int(),
        offers: z.number().int(),
        sought: z.number().int(),
      }),
    ),
    /** Sectors asked for by planches that no published partner offers. */
    unmetNeeds: z.array(z.string()),
    coverage: z.object({ planches: z.number().int(), withIntroduction: z.number().int(), share: z.number() }),
    introductionsByPhase: z.record(z.string(), z.number().int()),
    feedback: z.record(z.string(), z.number().int()),
  })
  .meta({ id: "Stats" });
export type Stats = z.infer<typeof StatsSchema>;
