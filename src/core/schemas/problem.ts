import { z } from "zod";

/** One bad field of a request, worded in both languages (RFC 9457 extension member). */
export const FieldErrorSchema = z.object({
  field: z.string().meta({ description: "Dotted path of the field, e.g. priorities.0.sector" }),
  code: z.string(),
  fr: z.string(),
  en: z.string(),
  candidates: z.array(z.string()).optional().meta({ description: "What an ambiguous value could mean" }),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem details, in the reader's language with the French beside it. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    title_fr: z.string(),
    detail_fr: z.string(),
    instance: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details, in English and French." });
export type Problem = z.infer<typeof ProblemSchema>;

/** A bilingual sentence the API returns for people to read. */
export const TextSchema = z.object({ fr: z.string(), en: z.string() });

export const OkSchema = z.object({ ok: z.literal(true) }).meta({ id: "Ok" });
