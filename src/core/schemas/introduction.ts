import { z } from "zod";

import { LIMITS } from "../constants.js";
import { PHASES } from "../introduction-phases.js";
import { ContactSchema, PublicProfileSchema } from "./profile.js";

export { CLOSED_PHASES, OPEN_PHASES, PHASES, type Phase, TRANSITIONS } from "../introduction-phases.js";

const PhaseSchema = z.enum(PHASES);
const AnswerSchema = z.enum(["pending", "accepted", "declined"]);
export type Response = z.infer<typeof AnswerSchema>;

export const IntroductionSchema = z
  .object({
    id: z.string(),
    maliId: z.string(),
    partnerId: z.string(),
    phase: PhaseSchema,
    origin: z.enum(["staff", "interest"]),
    note: z.string(),
    proposedBy: z.string(),
    responses: z.object({ mali: AnswerSchema, partner: AnswerSchema }),
    /** Why this match, as shown in the e-mails (French and English sentences). */
    why: z.object({ fr: z.array(z.string()), en: z.array(z.string()) }),
    score: z.number(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Introduction" });
export type Introduction = z.infer<typeof IntroductionSchema>;

export const IntroductionEventSchema = z.object({
  id: z.string(),
  introductionId: z.string(),
  at: z.string(),
  actor: z.string(),
  fromPhase: PhaseSchema.nullable(),
  toPhase: PhaseSchema,
  note: z.string().nullable(),
});
export type IntroductionEvent = z.infer<typeof IntroductionEventSchema>;

/** An introduction as one of its sides (or staff) sees it: both public profiles, the history, and the contacts once both accepted. */
export const IntroductionDetailSchema = IntroductionSchema.extend({
  mali: PublicProfileSchema,
  partner: PublicProfileSchema,
  contacts: z.object({ mali: ContactSchema, partner: ContactSchema }).nullable(),
  events: z.array(IntroductionEventSchema),
}).meta({ id: "IntroductionDetail" });
export type IntroductionDetail = z.infer<typeof IntroductionDetailSchema>;
export const IntroductionDetailListSchema = z.object({ items: z.array(IntroductionDetailSchema) });

/** The staff board: every phase, in pipeline order, with its introductions and both names. */
export const BoardCardSchema = IntroductionSchema.extend({
  maliName: z.string().optional(),
  partnerName: z.string().optional(),
});
export type BoardCard = z.infer<typeof BoardCardSchema>;
export const BoardSchema = z
  .object({ phases: z.array(PhaseSchema), byPhase: z.record(PhaseSchema, z.array(BoardCardSchema)) })
  .meta({ id: "Board" });
export type Board = z.infer<typeof BoardSchema>;

export const SuggestionSchema = z.object({
  maliId: z.string(),
  partnerId: z.string(),
  score: z.number(),
  mali: z.string(),
  partner: z.string(),
  explanation: z.array(z.string()),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;
export const SuggestionListSchema = z
  .object({ items: z.array(SuggestionSchema) })
  .meta({ id: "Suggestions" });

export const ProposeSchema = z
  .object({
    maliId: z.string().min(1).max(64),
    partnerId: z.string().min(1).max(64),
    note: z.string().trim().max(2000).default(""),
  })
  .strict();

export const PhaseChangeSchema = z
  .object({ phase: z.enum(PHASES), note: z.string().trim().max(2000).optional() })
  .strict();

export const RespondSchema = z
  .object({ decision: z.enum(["accept", "decline"]), profileId: z.string().min(1).max(64).optional() })
  .strict();

export const InterestInputSchema = z
  .object({
    partnerProfileId: z.string().min(1).max(64),
    cooperation: z.string().trim().min(10).max(LIMITS.interestAnswer),
    unclear: z.string().trim().max(LIMITS.interestAnswer).default(""),
    whoWeAre: z.string().trim().min(10).max(LIMITS.interestAnswer),
  })
  .strict();
export type InterestInput = z.infer<typeof InterestInputSchema>;

export const INTEREST_STATUSES = ["pending", "proposed", "dismissed"] as const;
export const InterestSchema = z
  .object({
    id: z.string(),
    plancheId: z.string(),
    partnerId: z.string(),
    userId: z.string(),
    answers: z.object({ cooperation: z.string(), unclear: z.string(), whoWeAre: z.string() }),
    status: z.enum(INTEREST_STATUSES),
    createdAt: z.string(),
  })
  .meta({ id: "Interest" });
export type Interest = z.infer<typeof InterestSchema>;

/** An interest in the staff queue, with both collectivités' names. */
export const InterestQueueSchema = z.object({
  items: z.array(
    InterestSchema.extend({ plancheName: z.string().optional(), partnerName: z.string().optional() }),
  ),
});
export type InterestQueue = z.infer<typeof InterestQueueSchema>;

/** Five levels of the 3- and 6-month question "how did it go?". */
export const FEEDBACK_LEVELS = [1, 2, 3, 4, 5] as const;
export const FEEDBACK_LABELS: Record<number, { fr: string; en: string }> = {
  1: { fr: "Aucun contact depuis", en: "No further contact" },
  2: { fr: "Échanges ponctuels", en: "Occasional exchanges" },
  3: { fr: "Rencontre ou visioconférence tenue", en: "A meeting was held" },
  4: { fr: "Plan d'action en préparation", en: "Action plan in preparation" },
  5: { fr: "Convention signée", en: "Agreement signed" },
};
