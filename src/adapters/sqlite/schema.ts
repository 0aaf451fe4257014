import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The system of record. Profiles keep their validated input as JSON (`data`, without
 * contact) beside the private `contact` column, plus the few columns that queries filter
 * on. `indexed_version` trails `version` until the search index has caught up.
 */
export const profiles = sqliteTable(
  "profiles",
  {
    id: text("id").primaryKey(),
    side: text("side").notNull(),
    status: text("status").notNull(),
    ownerId: text("owner_id"),
    name: text("name").notNull(),
    country: text("country").notNull(),
    level: text("level").notNull(),
    regionCode: text("region_code"),
    cercleCode: text("cercle_code"),
    population: integer("population"),
    data: text("data").notNull(),
    contact: text("contact").notNull(),
    version: integer("version").notNull(),
    indexedVersion: integer("indexed_version").notNull().default(0),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    publishedAt: text("published_at"),
    expiresAt: text("expires_at"),
  },
  (t) => [
    index("profiles_side_status").on(t.side, t.status),
    index("profiles_owner").on(t.ownerId),
    index("profiles_pending_index").on(t.indexedVersion, t.version),
  ],
);

export const refMali = sqliteTable(
  "ref_mali",
  {
    pcode: text("pcode").primaryKey(),
    level: text("level").notNull(),
    name: text("name").notNull(),
    nameNorm: text("name_norm").notNull(),
    population: integer("population"),
    cercleCode: text("cercle_code"),
    cercleName: text("cercle_name"),
    regionCode: text("region_code"),
    regionName: text("region_name"),
    region2023: text("region_2023"),
    lat: real("lat"),
    lon: real("lon"),
  },
  (t) => [index("ref_mali_name").on(t.nameNorm)],
);

export const refFrance = sqliteTable(
  "ref_france",
  {
    /** `${kind}:${code}`: a région and a département may share a code ("11"). */
    id: text("id").primaryKey(),
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    nameNorm: text("name_norm").notNull(),
    population: integer("population"),
    departementCode: text("departement_code"),
    regionCode: text("region_code"),
    regionName: text("region_name"),
  },
  (t) => [index("ref_france_name").on(t.nameNorm), index("ref_france_code").on(t.code)],
);

export const ties = sqliteTable(
  "ties",
  {
    id: text("id").primaryKey(),
    frenchCode: text("french_code"),
    frenchNorm: text("french_norm").notNull(),
    malianCode: text("malian_code"),
    malianNorm: text("malian_norm").notNull(),
    data: text("data").notNull(),
  },
  (t) => [index("ties_french").on(t.frenchCode), index("ties_malian").on(t.malianCode)],
);

/** Which version of each seed source is loaded, so that seeding is idempotent and cheap. */
export const seedState = sqliteTable("seed_state", {
  source: text("source").primaryKey(),
  hash: text("hash").notNull(),
  rows: integer("rows").notNull(),
  loadedAt: text("loaded_at").notNull(),
});

/* ---- Accounts, curation, introductions, mail (issue 4) ---- */

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    role: text("role").notNull(),
    language: text("language").notNull().default("fr"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("users_email").on(t.email)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the cookie value: a stolen database does not give live sessions. */
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id").notNull(),
    csrf: text("csrf").notNull(),
    expiresAt: text("expires_at").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Single-use tokens (magic links, accept/decline, feedback, renewal): the nonce of a signed token. */
export const tokens = sqliteTable("tokens", {
  nonce: text("nonce").primaryKey(),
  purpose: text("purpose").notNull(),
  subject: text("subject").notNull(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  createdAt: text("created_at").notNull(),
});

export const reviews = sqliteTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    profileId: text("profile_id").notNull(),
    decision: text("decision").notNull(),
    reason: text("reason"),
    quality: text("quality"),
    staffId: text("staff_id").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("reviews_profile").on(t.profileId)],
);

export const introductions = sqliteTable(
  "introductions",
  {
    id: text("id").primaryKey(),
    maliId: text("mali_id").notNull(),
    partnerId: text("partner_id").notNull(),
    phase: text("phase").notNull(),
    data: text("data").notNull(),
    version: integer("version").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("introductions_pair").on(t.maliId, t.partnerId), index("introductions_phase").on(t.phase)],
);

export const introductionEvents = sqliteTable(
  "introduction_events",
  {
    id: text("id").primaryKey(),
    introductionId: text("introduction_id").notNull(),
    at: text("at").notNull(),
    actor: text("actor").notNull(),
    fromPhase: text("from_phase"),
    toPhase: text("to_phase").notNull(),
    note: text("note"),
  },
  (t) => [index("introduction_events_intro").on(t.introductionId)],
);

export const interests = sqliteTable(
  "interests",
  {
    id: text("id").primaryKey(),
    plancheId: text("planche_id").notNull(),
    partnerId: text("partner_id").notNull(),
    userId: text("user_id").notNull(),
    answers: text("answers").notNull(),
    status: text("status").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("interests_status").on(t.status)],
);

export const feedback = sqliteTable(
  "feedback",
  {
    id: text("id").primaryKey(),
    introductionId: text("introduction_id").notNull(),
    side: text("side").notNull(),
    months: integer("months").notNull(),
    level: integer("level").notNull(),
    at: text("at").notNull(),
  },
  (t) => [uniqueIndex("feedback_once").on(t.introductionId, t.side, t.months)],
);

export const alerts = sqliteTable("alerts", {
  profileId: text("profile_id").primaryKey(),
  mode: text("mode").notNull(),
  threshold: real("threshold").notNull(),
  lastDigestAt: text("last_digest_at"),
  updatedAt: text("updated_at").notNull(),
});

export const alertHits = sqliteTable(
  "alert_hits",
  {
    id: text("id").primaryKey(),
    profileId: text("profile_id").notNull(),
    matchedId: text("matched_id").notNull(),
    score: real("score").notNull(),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
  },
  (t) => [uniqueIndex("alert_hits_pair").on(t.profileId, t.matchedId)],
);

export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    headers: text("headers").notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
    /** The sender instance delivering it now, and until when: two instances never send it at once. */
    claimedBy: text("claimed_by"),
    claimedUntil: text("claimed_until"),
  },
  (t) => [index("outbox_due").on(t.status, t.nextAttemptAt)],
);

export const audit = sqliteTable(
  "audit",
  {
    id: text("id").primaryKey(),
    at: text("at").notNull(),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    detail: text("detail").notNull(),
  },
  (t) => [index("audit_at").on(t.at)],
);

export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

/** Jobs that must run once per subject (reminders, follow-ups), whatever restarts happen. */
export const jobMarks = sqliteTable("job_marks", {
  key: text("key").primaryKey(),
  at: text("at").notNull(),
});
