import type { BoardCard, Introduction, Phase } from "./console-types.js";

/** The introduction pipeline as the staff board shows it, on the core's phase data. */
import { CLOSED_PHASES, OPEN_PHASES, PHASES, TRANSITIONS } from "../../../src/core/introduction-phases.js";

export { CLOSED_PHASES, OPEN_PHASES, PHASES, TRANSITIONS };

/** Where staff may move an introduction from `phase`, forward phases first. */
export function nextPhases(phase: Phase): readonly Phase[] {
  return TRANSITIONS[phase] ?? [];
}

export const isClosed = (phase: Phase) => (CLOSED_PHASES as readonly Phase[]).includes(phase);

/** A card of the board: the introduction with both names (GET /api/staff/introductions). */
export type { BoardCard };
export type Board = Record<Phase, BoardCard[]>;

/** Every phase present, in pipeline order, whatever the server left out. */
export function toBoard(byPhase: Partial<Record<string, readonly BoardCard[]>>): Board {
  const board = {} as Board;
  for (const p of PHASES) {
    board[p] = [...(byPhase[p] ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }
  return board;
}

/**
 * The board after a move the server accepted: the card leaves its column and heads the
 * target one, with the server's copy of the introduction. Unknown cards leave the board as is.
 */
export function moveCard(board: Board, moved: Introduction): Board {
  const from = PHASES.find((p) => board[p].some((c) => c.id === moved.id));
  if (!from) return board;
  const card = board[from].find((c) => c.id === moved.id)!;
  const next = { ...board, [from]: board[from].filter((c) => c.id !== moved.id) } as Board;
  next[moved.phase] = [{ ...card, ...moved }, ...next[moved.phase].filter((c) => c.id !== moved.id)];
  return next;
}

export const boardCount = (board: Board, phases: readonly Phase[] = PHASES) =>
  phases.reduce((n, p) => n + board[p].length, 0);
