import { z } from "zod";
import { text } from "../messages/catalogue.js";
import { isSitePathSyntax } from "../security/site-path.js";

export const ROLES = ["contact", "staff"] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  role: Role;
  language: "fr" | "en";
  createdAt: string;
}

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

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  detail: Record<string, unknown>;
}
