import { z } from "zod";

import { PHASES, type Phase } from "../introduction-phases.js";

export { CLOSED_PHASES, OPEN_PHASES, PHASES, type Phase, TRANSITIONS } from "../introduction-phases.js";

export type Response = "pending" | "accepted" | "declined";

export interface Introduction {
  id: string;
  maliId: string;
  partnerId: string;
  phase: Phase;
  origin: "staff" | "interest";
  note: string;
  proposedBy: string;
  responses: { mali: Response; partner: Response };
  /** Why this match, as shown in the e-mails (French and English sentences). */
  why: { fr: string[]; en: string[] };
  score: number;
  expiresAt: string;
  acceptedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface IntroductionEvent {
  id: string;
  introductionId: string;
  at: string;
  actor: string;
  fromPhase: Phase | null;
  toPhase: Phase;
  note: string | null;
}

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

export const InterestSchema = z
  .object({
    partnerProfileId: z.string().min(1).max(64),
    cooperation: z.string().trim().min(10).max(1500),
    unclear: z.string().trim().max(1500).default(""),
    whoWeAre: z.string().trim().min(10).max(1500),
  })
  .strict();
export type InterestInput = z.infer<typeof InterestSchema>;

export interface Interest {
  id: string;
  plancheId: string;
  partnerId: string;
  userId: string;
  answers: { cooperation: string; unclear: string; whoWeAre: string };
  status: "pending" | "proposed" | "dismissed";
  createdAt: string;
}

/** Five levels of the 3- and 6-month question "how did it go?". */
export const FEEDBACK_LEVELS = [1, 2, 3, 4, 5] as const;
export const FEEDBACK_LABELS: Record<number, { fr: string; en: string }> = {
  1: { fr: "Aucun contact depuis", en: "No further contact" },
  2: { fr: "Échanges ponctuels", en: "Occasional exchanges" },
  3: { fr: "Rencontre ou visioconférence tenue", en: "A meeting was held" },
  4: { fr: "Plan d'action en préparation", en: "Action plan in preparation" },
  5: { fr: "Convention signée", en: "Agreement signed" },
};
