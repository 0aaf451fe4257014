import { describe, expect, it } from "vitest";
import * as core from "../../src/core/schemas/introduction.js";
import {
  type Board,
  type BoardCard,
  CLOSED_PHASES,
  isClosed,
  moveCard,
  nextPhases,
  OPEN_PHASES,
  PHASES,
  TRANSITIONS,
  toBoard,
} from "../../web/src/lib/board.js";
import type { Introduction, IntroductionEvent } from "../../web/src/lib/console-types.js";
import {
  introView,
  qualityOf,
  qualityTotal,
  safeReturnPath,
  sortedHistory,
  statusInfo,
  summarizeEvent,
} from "../../web/src/lib/my-space.js";
import { matchRoute, pathFor, STAFF_TABS } from "../../web/src/lib/routes.js";

const NOW = new Date("2026-03-01T12:00:00Z");

function intro(over: Partial<Introduction> = {}): Introduction {
  return {
    id: "i1",
    maliId: "m1",
    partnerId: "p1",
    phase: "proposed",
    origin: "staff",
    note: "",
    proposedBy: "s1",
    responses: { mali: "pending", partner: "pending" },
    why: { fr: [], en: [] },
    score: 0.8,
    expiresAt: "2026-03-10T00:00:00Z",
    acceptedAt: null,
    version: 1,
    createdAt: "2026-02-24T00:00:00Z",
    updatedAt: "2026-02-24T00:00:00Z",
    ...over,
  };
}

describe("pipeline board", () => {
  it("mirrors the core's phases and allowed moves exactly", () => {
    expect([...PHASES]).toEqual([...core.PHASES]);
    expect([...OPEN_PHASES]).toEqual([...core.OPEN_PHASES]);
    expect([...CLOSED_PHASES]).toEqual([...core.CLOSED_PHASES]);
    for (const p of core.PHASES) expect([...TRANSITIONS[p]]).toEqual([...core.TRANSITIONS[p]]);
  });

  it("offers no move out of a closed phase, and abandoning from any open one", () => {
    for (const p of CLOSED_PHASES) {
      expect(isClosed(p)).toBe(true);
      expect(nextPhases(p)).toEqual([]);
    }
    for (const p of OPEN_PHASES) expect(nextPhases(p)).toContain("abandoned");
    // Before both sides accept, staff can only abandon: the answers move it on.
    expect(nextPhases("proposed")).toEqual(["abandoned"]);
    expect(nextPhases("accepted")[0]).toBe("first_meeting");
  });

  it("builds every column, newest first, whatever the server left out", () => {
    const a = { ...intro({ id: "a", updatedAt: "2026-02-01T00:00:00Z" }) } as BoardCard;
    const b = { ...intro({ id: "b", updatedAt: "2026-02-20T00:00:00Z" }) } as BoardCard;
    const board = toBoard({ proposed: [a, b] });
    expect(Object.keys(board)).toEqual([...PHASES]);
    expect(board.proposed.map((c) => c.id)).toEqual(["b", "a"]);
    expect(board.implementation).toEqual([]);
  });

  it("moves a card to the head of its new column, with the server's copy", () => {
    const card = { ...intro({ id: "x", phase: "accepted" }), maliName: "Kayes", partnerName: "Évry" };
    const other = { ...intro({ id: "y", phase: "first_meeting" }) };
    const board = toBoard({ accepted: [card], first_meeting: [other] });
    const moved = moveCard(board, { ...card, phase: "first_meeting", version: 3 });
    expect(moved.accepted).toEqual([]);
    expect(moved.first_meeting.map((c) => [c.id, c.version])).toEqual([
      ["x", 3],
      ["y", 1],
    ]);
    expect(moved.first_meeting[0]?.maliName).toBe("Kayes");
    // The old board is left as it was; an unknown card changes nothing.
    expect(board.accepted).toHaveLength(1);
    expect(moveCard(board, intro({ id: "zz" }))).toBe(board as Board);
  });
});

describe("Mon espace: my profiles", () => {
  const base = { expiresAt: null, publishedAt: null };

  it("offers submit for a draft, renew for a published or expired profile, edit unless archived", () => {
    const draft = statusInfo({ ...base, status: "draft" }, NOW);
    expect([draft.canSubmit, draft.canRenew, draft.canEdit, draft.showMatches]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    const pending = statusInfo({ ...base, status: "pending_review" }, NOW);
    expect([pending.canSubmit, pending.canRenew, pending.showMatches]).toEqual([false, false, true]);
    const published = statusInfo(
      { status: "published", expiresAt: "2027-01-01T00:00:00Z", publishedAt: "2026-01-01T00:00:00Z" },
      NOW,
    );
    expect([published.canRenew, published.expiresSoon, published.expiresAt]).toEqual([
      true,
      false,
      "2027-01-01T00:00:00Z",
    ]);
    const expired = statusInfo(
      { status: "archived", expiresAt: "2026-01-01T00:00:00Z", publishedAt: "2025-01-01T00:00:00Z" },
      NOW,
    );
    expect([expired.canRenew, expired.canEdit, expired.expiresAt]).toEqual([true, false, null]);
    const neverPublished = statusInfo({ ...base, status: "archived" }, NOW);
    expect(neverPublished.canRenew).toBe(false);
  });

  it("warns when a published profile expires within 45 days", () => {
    const soon = statusInfo(
      { status: "published", expiresAt: "2026-04-01T00:00:00Z", publishedAt: "x" },
      NOW,
    );
    expect(soon.expiresSoon).toBe(true);
  });
});

describe("Mon espace: my introductions", () => {
  it("finds my side and whether I may answer", () => {
    const v = introView(intro(), new Set(["p1"]), NOW)!;
    expect([v.mySide, v.otherSide, v.canRespond, v.revealed]).toEqual(["partner", "mali", true, false]);
    expect(introView(intro(), new Set(["zz"]), NOW)).toBeNull();
  });

  it("closes the buttons once I answered, the proposal expired, or it is no longer proposed", () => {
    const mine = new Set(["m1"]);
    expect(
      introView(intro({ responses: { mali: "accepted", partner: "pending" } }), mine, NOW)?.canRespond,
    ).toBe(false);
    expect(introView(intro({ expiresAt: "2026-02-28T00:00:00Z" }), mine, NOW)?.canRespond).toBe(false);
    expect(introView(intro({ phase: "declined" }), mine, NOW)?.canRespond).toBe(false);
  });

  it("reveals the other side's contact only once both accepted, and not after a decline", () => {
    const mine = new Set(["m1"]);
    const accepted = intro({
      phase: "accepted",
      acceptedAt: "2026-02-26T00:00:00Z",
      responses: { mali: "accepted", partner: "accepted" },
    });
    expect(introView(accepted, mine, NOW)?.revealed).toBe(true);
    expect(introView({ ...accepted, phase: "first_meeting" }, mine, NOW)?.revealed).toBe(true);
    expect(
      introView(intro({ responses: { mali: "accepted", partner: "pending" } }), mine, NOW)?.revealed,
    ).toBe(false);
    expect(introView({ ...accepted, phase: "declined" }, mine, NOW)?.revealed).toBe(false);
  });

  it("reads the dated history: answers apart from phase changes, oldest first", () => {
    const ev = (
      at: string,
      toPhase: IntroductionEvent["toPhase"],
      note: string | null,
    ): IntroductionEvent => ({
      id: at,
      introductionId: "i1",
      at,
      actor: "u",
      fromPhase: null,
      toPhase,
      note,
    });
    const events = [
      ev("2026-02-25T00:00:00Z", "proposed", "partner:accept"),
      ev("2026-02-24T00:00:00Z", "proposed", "Deux communes engagées"),
      ev("2026-02-26T00:00:00Z", "accepted", "mali:accept"),
    ];
    const history = sortedHistory(events).map(summarizeEvent);
    expect(history.map((h) => h.kind)).toEqual(["phase", "answer", "answer"]);
    expect(history[0]).toMatchObject({ kind: "phase", phase: "proposed", note: "Deux communes engagées" });
    expect(history[2]).toMatchObject({ kind: "answer", side: "mali", decision: "accept", phase: "accepted" });
  });
});

describe("review quality score", () => {
  it("sends nothing when no criterion is marked, all four when all are, refuses a partial score", () => {
    expect(qualityOf({})).toEqual({ partial: false });
    expect(qualityOf({ clarity: 2 })).toEqual({ partial: true });
    expect(qualityOf({ clarity: 3, pdescLink: 2, completeness: 0, contactChecked: 3 })).toEqual({
      quality: { clarity: 3, pdescLink: 2, completeness: 0, contactChecked: 3 },
      partial: false,
    });
    expect(qualityTotal({ clarity: 3, pdescLink: 2 })).toBe(5);
  });
});

describe("signed-in addresses", () => {
  it("routes Mon espace, profile editing and each staff tab both ways", () => {
    expect(matchRoute("/mon-espace")).toEqual({ name: "my-space" });
    expect(matchRoute("/mon-espace/modifier/abc-1")).toEqual({ name: "edit-profile", id: "abc-1" });
    expect(matchRoute("/equipe")).toEqual({ name: "staff", tab: "review" });
    expect(matchRoute("/equipe/")).toEqual({ name: "staff", tab: "review" });
    for (const tab of STAFF_TABS) {
      const path = pathFor({ name: "staff", tab });
      expect(matchRoute(path)).toEqual({ name: "staff", tab });
    }
    expect(pathFor({ name: "staff", tab: "stats" })).toBe("/equipe/statistiques");
    expect(matchRoute("/equipe/inconnu")).toEqual({ name: "not-found" });
  });

  it("only comes back to a path of this site after signing in", () => {
    expect(safeReturnPath("/planche/abc", "/mon-espace")).toBe("/planche/abc");
    expect(safeReturnPath("//evil.example/x", "/mon-espace")).toBe("/mon-espace");
    expect(safeReturnPath("https://evil.example/", "/mon-espace")).toBe("/mon-espace");
    expect(safeReturnPath("/\\evil", "/mon-espace")).toBe("/mon-espace");
    expect(safeReturnPath(null, "/mon-espace")).toBe("/mon-espace");
    expect(safeReturnPath(`/${"a".repeat(300)}`, "/mon-espace")).toBe("/mon-espace");
  });
});
