/**
 * The phases of an introduction and the moves staff may make between them. Plain data with
 * no import, so that the server's schemas and the browser's board share this one copy
 * without shipping zod to the browser.
 *
 * An introduction follows the Guide's phases once both sides accept; it can close at any
 * point (declined, expired, abandoned). A decline is final for the pair.
 */
export const OPEN_PHASES = [
  "proposed",
  "accepted",
  "first_meeting",
  "action_plan",
  "convention_signed",
  "implementation",
] as const;
export const CLOSED_PHASES = ["declined", "expired", "abandoned"] as const;
export const PHASES = [...OPEN_PHASES, ...CLOSED_PHASES] as const;
export type Phase = (typeof PHASES)[number];

/** Phases staff may move an introduction to, from each phase. */
export const TRANSITIONS: Record<Phase, readonly Phase[]> = {
  proposed: ["abandoned"],
  accepted: ["first_meeting", "action_plan", "abandoned"],
  first_meeting: ["action_plan", "convention_signed", "abandoned"],
  action_plan: ["convention_signed", "abandoned"],
  convention_signed: ["implementation", "abandoned"],
  implementation: ["abandoned"],
  declined: [],
  expired: [],
  abandoned: [],
};
