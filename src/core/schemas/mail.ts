import { z } from "zod";

export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export const OutboxStatusSchema = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export const OutboxMessageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  headers: z.record(z.string(), z.string()),
  status: OutboxStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** What staff see of a message: never its body, which may hold someone's single-use link. */
export const OutboxEntrySchema = OutboxMessageSchema.omit({ text: true, html: true, headers: true }).meta({
  id: "OutboxEntry",
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export const OutboxCountsSchema = z.object({
  pending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
});

export const OutboxPageSchema = z
  .object({
    items: z.array(OutboxEntrySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    counts: OutboxCountsSchema,
  })
  .meta({ id: "OutboxPage" });
export type OutboxPage = z.infer<typeof OutboxPageSchema>;
