import { z } from "zod";
import {
  BUDGET_BANDS,
  LEVELS,
  LIMITS,
  MODALITIES,
  PROFILE_STATUSES,
  SIDES,
  SIZE_PREFERENCES,
} from "../constants.js";
import { REF_CODE_DESCRIPTION, REF_CODE_PATTERN } from "../reference-codes.js";
import { DOMAIN_CODES } from "../taxonomy.js";

/**
 * One resource for both sides of the exchange, discriminated by `side`.
 * These schemas are the single source of validation, stored shape, index projection
 * and OpenAPI. Contact data lives in `contact` and never leaves through a public view.
 */

export const DomainCodeSchema = z.enum(DOMAIN_CODES);

// The value sets stay importable from here, where the schemas that use them live.
export * from "../constants.js";
export const SideSchema = z.enum(SIDES);
export type Side = z.infer<typeof SideSchema>;

export const ProfileStatusSchema = z.enum(PROFILE_STATUSES);
export type ProfileStatus = z.infer<typeof ProfileStatusSchema>;

export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

export const ModalitySchema = z.enum(MODALITIES);
export type Modality = z.infer<typeof ModalitySchema>;

export const SizePreferenceSchema = z.enum(SIZE_PREFERENCES);

const text = (max: number) => z.string().trim().max(max);
const name = z.string().trim().min(LIMITS.name.min).max(LIMITS.name.max);
const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/)
  .transform((c) => c.toUpperCase());
const maliPcode = z.string().regex(/^ML\d{2}(\d{2}(\d{2})?)?$/);
const languageCode = z.string().regex(/^[a-z]{2,3}$/);
const population = z.number().int().min(0).max(100_000_000);

export const ContactSchema = z
  .object({
    name: name,
    role: text(LIMITS.role).optional(),
    email: z.email().max(LIMITS.email),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().-]{6,24}$/)
      .optional(),
    language: z.enum(["fr", "en"]).default("fr"),
  })
  .strict();
export type Contact = z.infer<typeof ContactSchema>;

/**
 * The collectivité a profile speaks for: from the reference data (refCode) or entered by
 * hand. With a refCode, the server fills the parents, population and `referenceName` from
 * the reference; the name stays the one sent.
 */
export const CollectiviteSchema = z
  .object({
    /** Checked against the scheme and the reference by the use case, which can name the candidates of a bare code. */
    refCode: z
      .string()
      .trim()
      .min(2)
      .max(60)
      .optional()
      .meta({
        description: REF_CODE_DESCRIPTION,
        pattern: REF_CODE_PATTERN,
        examples: ["ML010701", "commune:93048", "epci:200059228", "departement:91", "region:11"],
      }),
    name: name,
    country: countryCode,
    level: LevelSchema,
    population: population.optional(),
    /** Malian région P-code, or French région code (`region:11`); free text elsewhere. */
    regionCode: z.string().trim().max(60).optional(),
    regionName: text(LIMITS.place).optional(),
    cercleCode: maliPcode.optional(),
    cercleName: text(LIMITS.place).optional(),
    /** French département code (`departement:91`, for the partner side). */
    departementCode: z.string().trim().max(20).optional(),
    /** The reference unit's own name, set by the server when refCode is given (ignored on input). */
    referenceName: text(160).optional(),
  })
  .strict();
export type Collectivite = z.infer<typeof CollectiviteSchema>;

export const PrioritySchema = z
  .object({
    sector: DomainCodeSchema,
    aspect: z.string().trim().min(LIMITS.aspect.min).max(LIMITS.aspect.max),
    actors: text(LIMITS.actors).default(""),
  })
  .strict();
export type Priority = z.infer<typeof PrioritySchema>;

export const PartnerSoughtSchema = z
  .object({
    countries: z.array(countryCode).max(30).default([]),
    levels: z.array(LevelSchema).max(6).default([]),
    size: SizePreferenceSchema.default("any"),
    themes: z.array(DomainCodeSchema).max(16).default([]),
    modalities: z.array(ModalitySchema).max(4).default([]),
    description: text(LIMITS.description).default(""),
  })
  .strict();

export const DiasporaAssociationSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    city: text(LIMITS.place).default(""),
    country: countryCode,
  })
  .strict();

const profileBase = {
  collectivite: CollectiviteSchema,
  presentation: text(LIMITS.presentation).default(""),
  languages: z.array(languageCode).max(10).default(["fr"]),
  modalities: z.array(ModalitySchema).max(4).default([]),
  contact: ContactSchema,
};

export const PlancheInputSchema = z
  .object({
    side: z.literal("mali"),
    ...profileBase,
    assets: text(LIMITS.description).default(""),
    pdesc: z
      .object({
        start: z.number().int().min(1996).max(2100),
        end: z.number().int().min(1996).max(2100),
      })
      .strict()
      .refine((p) => p.end >= p.start, { message: "end < start", path: ["end"] })
      .optional(),
    priorities: z.array(PrioritySchema).min(1).max(LIMITS.priorities),
    partnerSought: PartnerSoughtSchema.default({
      countries: [],
      levels: [],
      size: "any",
      themes: [],
      modalities: [],
      description: "",
    }),
    diaspora: z.array(DiasporaAssociationSchema).max(LIMITS.diaspora).default([]),
    currentPartners: z.array(name).max(LIMITS.currentPartners).default([]),
  })
  .strict();
export type PlancheInput = z.infer<typeof PlancheInputSchema>;

export const DiasporaPresenceSchema = z
  .object({
    /** Malian région, cercle or commune P-code the diaspora comes from. */
    originCode: maliPcode,
    association: text(LIMITS.association).default(""),
  })
  .strict();

export const PartnerInputSchema = z
  .object({
    side: z.literal("partner"),
    ...profileBase,
    themesSought: z.array(DomainCodeSchema).min(1).max(16),
    expertiseOffered: z.array(DomainCodeSchema).max(16).default([]),
    offerDescription: text(LIMITS.description).default(""),
    preferredAreas: z.array(maliPcode).max(LIMITS.preferredAreas).default([]),
    sizePreference: SizePreferenceSchema.default("any"),
    currentTies: z.array(name).max(LIMITS.currentTies).default([]),
    diaspora: z.array(DiasporaPresenceSchema).max(LIMITS.diasporaOrigins).default([]),
    capacity: z
      .object({
        budgetBand: z.enum(BUDGET_BANDS).default("unknown"),
        staff: z.number().int().min(0).max(10_000).optional(),
        cofunding: z.boolean().default(false),
      })
      .strict()
      .default({ budgetBand: "unknown", cofunding: false }),
  })
  .strict();
export type PartnerInput = z.infer<typeof PartnerInputSchema>;

export const ProfileInputSchema = z.discriminatedUnion("side", [PlancheInputSchema, PartnerInputSchema]);
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

/** Fields the store adds around an input. */
export const ProfileMetaSchema = z.object({
  id: z.string(),
  status: ProfileStatusSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  ownerId: z.string().nullable(),
});
export type ProfileMeta = z.infer<typeof ProfileMetaSchema>;

/** A whole stored profile, contact included: only its owner and staff read it. */
export const ProfileSchema = z
  .discriminatedUnion("side", [
    PlancheInputSchema.extend(ProfileMetaSchema.shape),
    PartnerInputSchema.extend(ProfileMetaSchema.shape),
  ])
  .meta({ id: "Profile", description: "A whole profile with its private contact (owner or staff)." });

/** A profile as anyone may see it: without contact data. */
export const PublicProfileSchema = z
  .discriminatedUnion("side", [
    PlancheInputSchema.omit({ contact: true }).extend(ProfileMetaSchema.shape),
    PartnerInputSchema.omit({ contact: true }).extend(ProfileMetaSchema.shape),
  ])
  .meta({ id: "PublicProfile", description: "A profile without its private contact." });

export const ProfilePageSchema = z
  .object({
    items: z.array(PublicProfileSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: "ProfilePage" });

/** A review decision's answer: where the profile stands now. */
export const ProfileStandingSchema = z
  .object({ id: z.string(), status: ProfileStatusSchema, expiresAt: z.string().nullable().optional() })
  .meta({ id: "ProfileStanding" });

export type Planche = PlancheInput & ProfileMeta;
export type PartnerProfile = PartnerInput & ProfileMeta;
export type Profile = Planche | PartnerProfile;

/** A profile as anyone may see it: without contact data. */
export type PublicProfile = z.infer<typeof PublicProfileSchema>;

export function toPublicProfile(profile: Profile): PublicProfile {
  const { contact: _contact, ...rest } = profile;
  return rest;
}

export function isPlanche(p: Profile | PublicProfile): p is Planche {
  return p.side === "mali";
}

/** Which domains a profile needs and offers, for search facets and ranking. */
export function profileSectors(p: Profile | PublicProfile): string[] {
  if (p.side === "mali") {
    return [...new Set(p.priorities.map((x) => x.sector))];
  }
  return [...new Set([...p.themesSought, ...p.expertiseOffered])];
}
