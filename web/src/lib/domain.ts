import type { Level, Modality } from "./types.js";

/**
 * Closed value sets of the API, repeated here so that the browser bundle does not carry zod;
 * `satisfies` keeps them in step with the core's types at compile time.
 */
export const MALI_LEVELS = ["commune", "cercle", "region"] as const satisfies readonly Level[];
export const PARTNER_LEVELS = [
  "commune",
  "epci",
  "departement",
  "region",
  "other",
] as const satisfies readonly Level[];
export const ALL_LEVELS = [
  "commune",
  "cercle",
  "epci",
  "departement",
  "region",
  "other",
] as const satisfies readonly Level[];
export const MODALITIES = [
  "remote",
  "visits_abroad",
  "diaspora",
  "local_operator",
] as const satisfies readonly Modality[];
export const SIZE_PREFERENCES = ["any", "similar", "smaller", "larger"] as const;
export const BUDGET_BANDS = ["unknown", "lt10k", "10k_50k", "50k_200k", "gt200k"] as const;
export type SizePreference = (typeof SIZE_PREFERENCES)[number];
export type BudgetBand = (typeof BUDGET_BANDS)[number];

/** Countries offered first in the "partner sought" step; any ISO code can still be typed. */
export const COMMON_PARTNER_COUNTRIES = ["FR", "BE", "ES", "IT", "DE", "CA", "SN", "BF", "CI", "MA"] as const;

/** Factors drawn as bars on a match, in reading order. */
export const MATCH_FACTORS = ["domain", "region", "size", "ties", "reciprocity"] as const;
