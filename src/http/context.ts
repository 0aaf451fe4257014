import type { Context } from "hono";
import type { CurationDeps } from "../core/services/curation-deps.js";
import type { Session, User } from "../core/schemas/account.js";
import type { MatchingDeps } from "../core/services/matching.js";
import type { ProfileDeps } from "../core/services/profiles.js";
import type { SyncReport } from "../core/services/indexing.js";
import type { ProfileStatus } from "../core/schemas/profile.js";
import type { ReferenceData, SearchIndex, TieStore } from "../core/ports.js";
import type { HealthReport } from "../core/schemas/health.js";
import type { MaliUnit, TravelAdvice } from "../core/schemas/reference.js";

export type { HealthReport };
import type { ClientLimit, ClientLimitName } from "./rate-limit.js";

/** Everything the HTTP layer needs, built once by an entry point. */
export interface AppDeps {
  /** The public base URL of the site (the OpenAPI document's server). */
  publicUrl: string;
  profiles: ProfileDeps;
  matching: MatchingDeps;
  search: SearchIndex;
  ties: TieStore;
  reference: ReferenceData & { allMali(): Promise<MaliUnit[]> };
  health(): Promise<HealthReport>;
  reindex(): Promise<SyncReport>;
  travelAdvice: TravelAdvice;
  /** Status of a newly created profile. */
  initialStatus: ProfileStatus;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
  curation: CurationDeps;
  /** Deliver due e-mails now (never throws). */
  deliverMail(): Promise<unknown>;
  /** Run the time-driven jobs now (reminders, follow-ups, expiry, digests). */
  runJobs(): Promise<Record<string, number>>;
  /** Session cookies carry Secure outside development. */
  secureCookies: boolean;
  /**
   * The client's address, as the runtime knows it (for rate limits): the Node entry reads the
   * connection (and a trusted proxy's X-Forwarded-For), a Workers entry CF-Connecting-IP.
   */
  clientIp?: (c: Context) => string | undefined;
  /** Overrides of the per-client limits (tests). */
  clientLimits?: Partial<Record<ClientLimitName, Partial<ClientLimit>>>;
}

export type AppEnv = {
  Variables: { deps: AppDeps; user: User | null; session: Session | null };
};
