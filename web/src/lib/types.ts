/**
 * The API's shapes as the web application sees them. Type-only imports from the core keep
 * one source of truth for the contract without shipping zod to the browser.
 */
import type {
  Level,
  Modality,
  PartnerInput,
  PlancheInput,
  ProfileMeta,
  ProfileStatus,
} from "../../../src/core/schemas/profile.js";
import type { FrenchCollectivite, MaliUnit as CoreMaliUnit } from "../../../src/core/schemas/reference.js";
import type { SearchDocument, SearchResult } from "../../../src/core/schemas/search.js";
import type { Match } from "../../../src/core/services/matching.js";
import type { Factors } from "../../../src/core/ranking/types.js";

export type Lang = "fr" | "en";
export type { Level, Modality, PartnerInput, PlancheInput, ProfileStatus, SearchDocument, SearchResult };

export type PublicPlanche = Omit<PlancheInput, "contact"> & ProfileMeta;
export type PublicPartner = Omit<PartnerInput, "contact"> & ProfileMeta;
export type PublicProfile = PublicPlanche | PublicPartner;
export type MatchView = Omit<Match, "profile"> & { profile: PublicProfile };
export type FactorName = keyof Factors;

/** What a planche view needs: a published planche, or a draft previewed before it is sent. */
export type PlancheViewModel = Omit<PlancheInput, "contact"> & Partial<ProfileMeta>;
export type PartnerViewModel = Omit<PartnerInput, "contact"> & Partial<ProfileMeta>;

export interface Domain {
  code: string;
  fr: string;
  en: string;
}

/** The Malian units the API returns (coordinates and the 2023 région are not needed here). */
export type MaliUnit = Omit<CoreMaliUnit, "lat" | "lon" | "region2023">;
export type { FrenchCollectivite };
