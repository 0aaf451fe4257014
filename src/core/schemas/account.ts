import { z } from "zod";
import { text } from "../messages/catalogue.js";
import { ProfileSchema, PublicProfileSchema } from "./profile.js";
import { isSitePathSyntax } from "../security/site-path.js";

export const ROLES = ["contact", "staff"] as const;
export type Role = (typeof ROLES)[number];

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  language: z.enum(["fr", "en"]),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export interface Session {
  idHash: string;
  userId: string;
  csrf: string;
  expiresAt: string;
  createdAt: string;
}

export const LoginRequestSchema = z
  .object({
    email: z.email().max(254),
    language: z.enum(["fr", "en"]).default("fr"),
    /** Where to land after sign-in; the service also checks it stays on the site's origin. */
    next: z
      .string()
      .max(200)
      .refine(isSitePathSyntax, { params: text("field.site_path") })
      .optional()
      .meta({
        description:
          "Where to land after sign-in: a path of this site, resolved against the public URL and refused (400) if it leaves its origin or holds whitespace or control characters.",
        examples: ["/mon-espace?connexion=1", "/equipe"],
      }),
  })
  .strict();

/** The four criteria of a profile's quality review, 0 (poor) to 3 (good). */
export const QualitySchema = z
  .object({
    clarity: z.number().int().min(0).max(3),
    pdescLink: z.number().int().min(0).max(3),
    completeness: z.number().int().min(0).max(3),
    contactChecked: z.number().int().min(0).max(3),
  })
  .strict();
export type Quality = z.infer<typeof QualitySchema>;

export const ApproveSchema = z.object({ quality: QualitySchema.optional() }).strict();
export const ReturnSchema = z
  .object({ reason: z.string().trim().min(5).max(2000), quality: QualitySchema.optional() })
  .strict();

export const ALERT_MODES = ["off", "instant", "weekly"] as const;
export const AlertSettingsSchema = z
  .object({
    mode: z.enum(ALERT_MODES),
    threshold: z.number().min(0).max(1).default(0.6),
  })
  .strict();
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z
  .object({
    items: z.array(AuditEntrySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: "AuditPage" });

/** A review decision, kept with the profile's history. */
export const ReviewRecordSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  decision: z.enum(["approved", "returned"]),
  reason: z.string().nullable(),
  quality: QualitySchema.nullable(),
  staffId: z.string(),
  at: z.string(),
});
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>;

/** The answer to a sign-in request: the same whether or not the address is known. */
export const LoginAcceptedSchema = z
  .object({ message: z.string(), message_fr: z.string() })
  .meta({ id: "LoginAccepted" });

/** Who is signed in (or nobody), the CSRF token for state changes, and their profiles. */
export const MeSchema = z
  .object({
    user: UserSchema.omit({ createdAt: true }).nullable(),
    csrfToken: z.string().nullable(),
    profiles: z.array(PublicProfileSchema),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof MeSchema>;

/** A profile in the staff review queue, contact included, with its earlier reviews. */
export const ReviewQueueSchema = z
  .object({ items: z.array(z.object({ profile: ProfileSchema, reviews: z.array(ReviewRecordSchema) })) })
  .meta({ id: "ReviewQueue" });
