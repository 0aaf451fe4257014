/**
 * The API's closed value sets and limits, once, without zod: the schemas in src/core/schemas
 * build on them, and the web application imports them as they are (its bundle carries no zod).
 */

export const SIDES = ["mali", "partner"] as const;
export const PROFILE_STATUSES = ["draft", "pending_review", "published", "archived"] as const;
export const MALI_LEVELS = ["commune", "cercle", "region"] as const;
export const PARTNER_LEVELS = ["commune", "epci", "departement", "region", "other"] as const;
export const LEVELS = ["commune", "cercle", "epci", "departement", "region", "other"] as const;
export const MODALITIES = ["remote", "visits_abroad", "diaspora", "local_operator"] as const;
export const SIZE_PREFERENCES = ["any", "similar", "smaller", "larger"] as const;
export const BUDGET_BANDS = ["unknown", "lt10k", "10k_50k", "50k_200k", "gt200k"] as const;
export const SEARCH_SORTS = [
  "relevance",
  "name:asc",
  "population:asc",
  "population:desc",
  "updatedAt:desc",
] as const;

/** Lengths and counts a profile may have: the form shows them, the API enforces them. */
export const LIMITS = {
  name: { min: 2, max: 160 },
  presentation: 4000,
  role: 120,
  email: 254,
  phone: 24,
  place: 120,
  association: 200,
  aspect: { min: 3, max: 500 },
  actors: 500,
  description: 2000,
  note: 2000,
  interestAnswer: 1500,
  priorities: 12,
  diaspora: 20,
  currentPartners: 20,
  preferredAreas: 30,
  diasporaOrigins: 30,
  currentTies: 30,
} as const;
