import type { Settings } from "meilisearch";
import { TAXONOMY } from "../src/core/taxonomy.js";

/**
 * Meilisearch settings of the `profiles` index, applied in one idempotent call at start.
 * Synonyms come from the taxonomy (each synonym ↔ its domain's French and English labels)
 * so that "eau", "forage" and "water" meet; typo tolerance starts at 4 letters because
 * Malian place names are short and often spelled several ways (Ségou / Segou / Segu).
 */
export const PROFILES_INDEX = "profiles";

function taxonomySynonyms(): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  const add = (a: string, b: string) => {
    if (a === b) return;
    const set = out[a] ?? new Set<string>();
    set.add(b);
    out[a] = set;
  };
  for (const d of TAXONOMY) {
    const words = [...new Set(d.synonyms.map((s) => s.toLowerCase()))];
    for (const w of words) for (const v of words) add(w, v);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

/** Place names commonly written in more than one way. */
const PLACE_SYNONYMS: Record<string, string[]> = {
  segou: ["segu"],
  segu: ["segou"],
  tombouctou: ["timbuktu"],
  timbuktu: ["tombouctou"],
  "nioro du sahel": ["nioro"],
  bamako: ["district de bamako"],
};

export const profilesSettings = {
  searchableAttributes: [
    "name",
    "cercleName",
    "regionName",
    "sectorLabels",
    "details",
    "presentation",
    "partnerSought",
  ],
  filterableAttributes: [
    "id",
    "side",
    "status",
    "refCode",
    "regionCode",
    "cercleCode",
    "sectors",
    "needs",
    "offers",
    "areas",
    "country",
    "level",
    "population",
    "modalities",
    "languages",
  ],
  sortableAttributes: ["name", "population", "updatedAt", "publishedAt"],
  displayedAttributes: ["*"],
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
  synonyms: { ...taxonomySynonyms(), ...PLACE_SYNONYMS },
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
  },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10_000 },
} satisfies Settings;
