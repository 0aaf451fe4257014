/** Hand-written scenarios (bench/scenarios.json): is the expected partner ranked first? */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rankCandidates } from "../../src/core/ranking/rank.js";
import type { MaliSide, PartnerSide, RankingWeights } from "../../src/core/ranking/types.js";
import { PartnerInputSchema, PlancheInputSchema } from "../../src/core/schemas/profile.js";
import { ROOT, loadMaliReference } from "./data.js";
import { rankRangeOf } from "./metrics.js";
import { META, context } from "./sides.js";

interface ScenarioPartner {
  id: string;
  why: string;
  ties?: { count: number; activeAreas: string[] };
  [field: string]: unknown;
}

interface Scenario {
  id: string;
  groups: string[];
  title: string;
  why: string;
  planche: Record<string, unknown>;
  expected: string;
  partners: ScenarioPartner[];
}

const CONTACT = { name: "Bench", email: "bench@example.org" };

export function loadScenarios(): Scenario[] {
  const doc = JSON.parse(readFileSync(join(ROOT, "bench", "scenarios.json"), "utf8")) as {
    scenarios: Scenario[];
  };
  return doc.scenarios;
}

/** Parse with the real input schemas (defaults, validation), then drop the contact. */
function toSides(s: Scenario): { planche: MaliSide; partners: PartnerSide[] } {
  const { contact: _c, ...planche } = PlancheInputSchema.parse({
    side: "mali",
    contact: CONTACT,
    ...s.planche,
  });
  const partners = s.partners.map((p) => {
    const { id, why: _why, ties: _ties, ...fields } = p;
    const { contact: _pc, ...input } = PartnerInputSchema.parse({
      side: "partner",
      contact: CONTACT,
      ...fields,
    });
    return { ...META, ...input, id } as PartnerSide;
  });
  return { planche: { ...META, ...planche, id: `planche:${s.id}` } as MaliSide, partners };
}

export interface ScenarioResult {
  id: string;
  groups: string[];
  expected: string;
  rank: [number, number];
  first: boolean;
  top3: boolean;
  /** Expected partner's score minus the best other score (negative when it is not first). */
  margin: number;
  runnerUp: string;
  order: { id: string; score: number; fitForMali: number; fitForPartner: number }[];
}

export function runScenarios(weights: RankingWeights): ScenarioResult[] {
  const ref = loadMaliReference();
  return loadScenarios().map((s) => {
    const { planche, partners } = toSides(s);
    const partnerTieCount = new Map<string, number>();
    const partnerActiveAreas = new Map<string, string[]>();
    const placeNames = new Map<string, string>();
    for (const p of s.partners) {
      if (!p.ties) continue;
      partnerTieCount.set(p.id, p.ties.count);
      partnerActiveAreas.set(p.id, p.ties.activeAreas);
      for (const a of p.ties.activeAreas) placeNames.set(a, ref.get(a)?.name ?? a);
    }
    const ctx = context(weights, { partnerTieCount, partnerActiveAreas, placeNames });
    const ranked = rankCandidates(planche, partners, ctx, partners.length);
    const scores = new Map(ranked.map((r) => [r.candidate.id, r.result.score]));
    const rank = rankRangeOf(scores, s.expected);
    const best = ranked.find((r) => r.candidate.id !== s.expected);
    return {
      id: s.id,
      groups: s.groups,
      expected: s.expected,
      rank,
      // A tie for first place is not a success: the expected partner must be strictly ahead.
      first: rank[1] === 1,
      top3: rank[1] <= 3,
      margin: (scores.get(s.expected) ?? 0) - (best?.result.score ?? 0),
      runnerUp: best?.candidate.id ?? "",
      order: ranked.map((r) => ({
        id: r.candidate.id,
        score: r.result.score,
        fitForMali: r.result.factors.fitForMali,
        fitForPartner: r.result.factors.fitForPartner,
      })),
    };
  });
}

export interface GroupSummary {
  group: string;
  n: number;
  first: number;
  top3: number;
}

export function summarize(results: readonly ScenarioResult[]): GroupSummary[] {
  const groups = ["domain", "reciprocity", ...new Set(results.flatMap((r) => r.groups))];
  const out: GroupSummary[] = [...new Set(groups)].map((g) => {
    const rs = results.filter((r) => r.groups.includes(g));
    return {
      group: g,
      n: rs.length,
      first: rs.filter((r) => r.first).length,
      top3: rs.filter((r) => r.top3).length,
    };
  });
  out.push({
    group: "all",
    n: results.length,
    first: results.filter((r) => r.first).length,
    top3: results.filter((r) => r.top3).length,
  });
  return out;
}
