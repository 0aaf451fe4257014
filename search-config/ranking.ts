/**
 * Weights of the reciprocal match ranking (src/core/ranking). Data, not code: tuned by
 * `npm run bench:quality`, pinned by tests/core/ranking-weights.test.ts so that a change
 * is always a deliberate one. Every weight group sums to 1.
 *
 * - fitForMali: how well the partner answers the Malian planche's wishes.
 * - fitForPartner: how well the planche answers the partner's wishes.
 *   The two are combined with a harmonic mean (RECON, RecSys 2010): a match one side
 *   would refuse cannot rank high.
 * - exposure: share of the final score that depends on how many partners the Malian
 *   collectivité already has (none → full, many → less), so that exposure is shared.
 */
import type { RankingWeights } from "../src/core/ranking/types.js";

export const RANKING_WEIGHTS = {
  fitForMali: {
    /** The planche's priorities (weighted by PDESC order) met by the partner's offer. */
    domain: 0.5,
    /** Country, level and modalities the planche asks for. */
    wishes: 0.2,
    size: 0.15,
    /** The partner's experience in Mali. */
    experience: 0.15,
  },
  fitForPartner: {
    /** The partner's themes found among the planche's priorities. */
    domain: 0.45,
    /** Preferred areas, diaspora ties, partners already active nearby. */
    region: 0.4,
    size: 0.15,
  },
  /** final = harmonic(fitForMali, fitForPartner) × (1 − exposure + exposure × exposureFactor) */
  exposure: 0.15,
  domain: {
    /** Priority i (0-based) weighs 1 / (1 + decay × i) before normalisation. */
    priorityDecay: 0.5,
    /** A priority sector the partner offers as expertise. */
    offered: 1,
    /** A priority sector the partner only lists among its themes sought. */
    sought: 0.7,
    /** Ceiling of the word overlap between a priority's aspect and the partner's offer. */
    textCeiling: 0.4,
  },
  region: {
    preferredArea: 1,
    /** A partner with no preferred area: neither a plus nor a minus. */
    noPreference: 0.4,
    diasporaCercle: 1,
    diasporaRegion: 0.7,
    activeSameCercle: 0.7,
    activeSameRegion: 0.45,
  },
  size: {
    level: 0.6,
    population: 0.4,
    /** Population ratio (×) at which the population band falls to about 0.37. */
    ratioScale: 10,
    unknownPopulation: 0.5,
  },
} as const satisfies RankingWeights;
