/** Building MaliSide / PartnerSide objects and ranking contexts outside the service. */
import type { MaliSide, PartnerSide, RankingContext, RankingWeights } from "../../src/core/ranking/types.js";
import type { DomainCode } from "../../src/core/taxonomy.js";

export const META = {
  status: "published" as const,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  publishedAt: "2026-01-01T00:00:00.000Z",
  expiresAt: null,
  ownerId: null,
};

export const EMPTY_SOUGHT: MaliSide["partnerSought"] = {
  countries: [],
  levels: [],
  size: "any",
  themes: [],
  modalities: [],
  description: "",
};

export function maliSide(
  id: string,
  collectivite: MaliSide["collectivite"],
  priorities: MaliSide["priorities"],
  over: Partial<MaliSide> = {},
): MaliSide {
  return {
    ...META,
    id,
    side: "mali",
    collectivite,
    presentation: "",
    assets: "",
    languages: ["fr"],
    modalities: [],
    priorities,
    partnerSought: EMPTY_SOUGHT,
    diaspora: [],
    currentPartners: [],
    ...over,
  };
}

export function partnerSide(
  id: string,
  collectivite: PartnerSide["collectivite"],
  themesSought: DomainCode[],
  expertiseOffered: DomainCode[],
  over: Partial<PartnerSide> = {},
): PartnerSide {
  return {
    ...META,
    id,
    side: "partner",
    collectivite,
    presentation: "",
    languages: ["fr"],
    modalities: [],
    themesSought,
    expertiseOffered,
    offerDescription: "",
    preferredAreas: [],
    sizePreference: "any",
    currentTies: [],
    diaspora: [],
    capacity: { budgetBand: "unknown", cofunding: false },
    ...over,
  };
}

export function context(weights: RankingWeights, over: Partial<RankingContext> = {}): RankingContext {
  return {
    weights,
    malianPartnerCount: new Map(),
    partnerTieCount: new Map(),
    partnerActiveAreas: new Map(),
    placeNames: new Map(),
    excludedPairs: new Map(),
    travelAdvice: new Map(),
    ...over,
  };
}

/** A deep copy of the weights with some fields changed (for ablations such as exposure = 0). */
export function withWeights(base: RankingWeights, change: (w: RankingWeights) => void): RankingWeights {
  const w = structuredClone(base) as RankingWeights;
  change(w);
  return w;
}
