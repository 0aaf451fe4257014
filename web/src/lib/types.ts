/**
 * The API's shapes as the web application sees them. Type-only imports from the core keep
 * one source of truth for the contract without shipping zod to the browser.
 */
import type { Match } from "../../../src/core/schemas/match.js";
import type {
  Level,
  Modality,
  PartnerInput,
  PlancheInput,
  ProfileMeta,
  ProfileStatus,
  PublicProfile,
} from "../../../src/core/schemas/profile.js";
import type { FrenchCollectivite, MaliUnit as CoreMaliUnit } from "../../../src/core/schemas/reference.js";
import type { SearchDocument, SearchResult } from "../../../src/core/schemas/search.js";

export type Lang = "fr" | "en";
export type { Level, Modality, PartnerInput, PlancheInput, ProfileStatus, SearchDocument, SearchResult };

export type { PublicProfile };
export type PublicPlanche = Extract<PublicProfile, { side: "mali" }>;
export type PublicPartner = Extract<PublicProfile, { side: "partner" }>;
/** A match as GET /api/profiles/{id}/matches answers it. */
export type MatchView = Match;
export type FactorName = keyof Match["factors"];

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
