/**
 * Closed value sets and limits of the API, from the core's zod-free constants module: the
 * browser bundle shares the server's values and carries no zod.
 */
export {
  BUDGET_BANDS,
  LEVELS as ALL_LEVELS,
  LIMITS,
  MALI_LEVELS,
  MODALITIES,
  PARTNER_LEVELS,
  SEARCH_SORTS,
  SIZE_PREFERENCES,
} from "../../../src/core/constants.js";
import type { BUDGET_BANDS, SIZE_PREFERENCES } from "../../../src/core/constants.js";

export type SizePreference = (typeof SIZE_PREFERENCES)[number];
export type BudgetBand = (typeof BUDGET_BANDS)[number];

/** Countries offered first in the "partner sought" step; any ISO code can still be typed. */
export const COMMON_PARTNER_COUNTRIES = ["FR", "BE", "ES", "IT", "DE", "CA", "SN", "BF", "CI", "MA"] as const;

/** Factors drawn as bars on a match, in reading order. */
export const MATCH_FACTORS = ["domain", "region", "size", "ties", "reciprocity"] as const;
