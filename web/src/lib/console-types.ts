/**
 * Shapes of the signed-in and staff parts of the API, as the browser sees them. Type-only
 * imports from the core: one source of truth, nothing of zod in the bundle.
 */
import type { AlertSettings, Quality } from "../../../src/core/schemas/account.js";
import type {
  Interest,
  Introduction,
  IntroductionEvent,
  Phase,
  Response as IntroResponse,
} from "../../../src/core/schemas/introduction.js";
import type { OutboxMessage, OutboxStatus } from "../../../src/core/schemas/mail.js";
import type { Contact, PartnerInput, PlancheInput, ProfileMeta } from "../../../src/core/schemas/profile.js";
import type { Stats } from "../../../src/core/services/stats.js";
import type { ReviewRecord } from "../../../src/core/ports-curation.js";
import type { PublicProfile } from "./types.js";

export type {
  AlertSettings,
  Contact,
  Interest,
  Introduction,
  IntroductionEvent,
  IntroResponse,
  OutboxStatus,
  Phase,
  Quality,
  Stats,
};

/** A whole profile, contact included (GET /api/profiles/:id/private, the review queue). */
export type PrivateProfile = (PlancheInput & ProfileMeta) | (PartnerInput & ProfileMeta);

/** GET /api/introductions/:id */
export interface IntroductionDetail extends Introduction {
  mali: PublicProfile;
  partner: PublicProfile;
  /** Both contacts once both sides accepted (staff see them always); null before. */
  contacts: { mali: Contact; partner: Contact } | null;
  events: IntroductionEvent[];
}

export interface ReviewItem {
  profile: PrivateProfile;
  reviews: ReviewRecord[];
}

export interface Suggestion {
  maliId: string;
  partnerId: string;
  score: number;
  mali: string;
  partner: string;
  explanation: string[];
}

/** An outbox row without its bodies (they hold single-use links). */
export type OutboxItem = Omit<OutboxMessage, "text" | "html" | "headers">;

export interface OutboxPage {
  items: OutboxItem[];
  total: number;
  limit: number;
  offset: number;
  counts: Record<OutboxStatus, number>;
}
