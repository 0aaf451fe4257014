/**
 * Shapes of the signed-in and staff parts of the API, as the browser sees them. Type-only
 * imports from the core's response schemas: one source of truth, nothing of zod in the bundle.
 */
import type { AlertSettings, Quality, ReviewRecord } from "../../../src/core/schemas/account.js";
import type {
  BoardCard,
  Interest,
  Introduction,
  IntroductionDetail,
  IntroductionEvent,
  Phase,
  Response as IntroResponse,
  Suggestion,
} from "../../../src/core/schemas/introduction.js";
import type { OutboxEntry, OutboxPage, OutboxStatus } from "../../../src/core/schemas/mail.js";
import type { Contact, Profile } from "../../../src/core/schemas/profile.js";
import type { Stats } from "../../../src/core/schemas/stats.js";

export type {
  AlertSettings,
  BoardCard,
  Contact,
  Interest,
  Introduction,
  IntroductionDetail,
  IntroductionEvent,
  IntroResponse,
  OutboxPage,
  OutboxStatus,
  Phase,
  Quality,
  Stats,
  Suggestion,
};

/** A whole profile, contact included (GET /api/profiles/:id/private, the review queue). */
export type PrivateProfile = Profile;

export interface ReviewItem {
  profile: PrivateProfile;
  reviews: ReviewRecord[];
}

/** An outbox row without its bodies (they hold single-use links). */
export type OutboxItem = OutboxEntry;
