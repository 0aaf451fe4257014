import { z } from "zod";
import { PartnerInputSchema, PlancheInputSchema } from "../core/schemas/profile.js";

/** Response shapes for the OpenAPI document, derived from the input schemas. */
const MetaSchema = z.object({
  id: z.string(),
  status: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  ownerId: z.string().nullable(),
});

export const PublicProfileSchema = z
  .union([
    PlancheInputSchema.omit({ contact: true }).extend(MetaSchema.shape),
    PartnerInputSchema.omit({ contact: true }).extend(MetaSchema.shape),
  ])
  .meta({ id: "PublicProfile", description: "A profile without its private contact." });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    title_fr: z.string(),
    detail_fr: z.string(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          code: z.string(),
          fr: z.string(),
          en: z.string(),
          candidates: z.array(z.string()).optional(),
        }),
      )
      .optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details, in English and French." });

export const problemResponses = {
  400: {
    description: "Invalid input (problem+json, field by field)",
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
  404: {
    description: "Not found",
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
