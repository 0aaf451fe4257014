import type { PartnerProfile, Planche } from "../schemas/profile.js";

/** Shape of the ranking weights; the values live in search-config/ranking.ts. */
export interface RankingWeights {
  fitForMali: { domain: number; wishes: number; size: number; experience: number };
  fitForPartner: { domain: number; region: number; size: number };
  exposure: number;
  domain: { priorityDecay: number; offered: number; sought: number; textCeiling: number };
  region: {
    preferredArea: number;
    noPreference: number;
    diasporaCercle: number;
    diasporaRegion: number;
    activeSameCercle: number;
    activeSameRegion: number;
  };
  size: { level: number; population: number; ratioScale: number; unknownPopulation: number };
}

/** The ranking sees both sides whole, contact data included but never used. */
export type MaliSide = Omit<Planche, "contact">;
export type PartnerSide = Omit<PartnerProfile, "contact">;

/**
 * What is known around the profiles, prepared by the use case (from the ties, the
 * introductions and the reference data) so that ranking itself does no I/O.
 */
export interface RankingContext {
  weights: RankingWeights;
  /** Known partners of each Malian profile (by profile id). */
  malianPartnerCount: ReadonlyMap<string, number>;
  /** Known ties in Mali of each partner profile (by profile id). */
  partnerTieCount: ReadonlyMap<string, number>;
  /** Malian P-codes (commune, cercle or région) where each partner is already active. */
  partnerActiveAreas: ReadonlyMap<string, readonly string[]>;
  /** Names of those places, for explanations. */
  placeNames: ReadonlyMap<string, string>;
  /** Pairs never to propose: already partnered or declined ("maliId|partnerId"). */
  excludedPairs: ReadonlyMap<string, "partnered" | "declined">;
  /** Travel advice zone by Malian région name, shown as context only. */
  travelAdvice: ReadonlyMap<string, { zone: string; label: string; asOf: string }>;
}

export interface Factors {
  domain: number;
  region: number;
  size: number;
  ties: number;
  wishes: number;
  fitForMali: number;
  fitForPartner: number;
  reciprocity: number;
}

export interface Explanation {
  factor: keyof Factors | "context";
  fr: string;
  en: string;
}

export interface PairScore {
  maliId: string;
  partnerId: string;
  score: number;
  factors: Factors;
  explanation: Explanation[];
  excluded: "partnered" | "declined" | null;
}

export const pairKey = (maliId: string, partnerId: string) => `${maliId}|${partnerId}`;
