/** Latency of the ranking in-process, against generated partners (deterministic PRNG). */
import { performance } from "node:perf_hooks";
import { rankCandidates } from "../../src/core/ranking/rank.js";
import type { MaliSide, PartnerSide, RankingWeights } from "../../src/core/ranking/types.js";
import { MODALITIES, PlancheInputSchema } from "../../src/core/schemas/profile.js";
import { DOMAIN_CODES } from "../../src/core/taxonomy.js";
import { loadDemoInputs, loadMaliReference } from "./data.js";
import { percentile } from "./metrics.js";
import { mulberry32, pick, sample } from "./prng.js";
import { context, META, partnerSide } from "./sides.js";

const WORDS =
  "appui technique formation élus agents eau potable forage santé maternité école classes cantine maraîchage élevage coopérative marché jeunes femmes association ressortissants patrimoine tourisme énergie solaire déchets reboisement bibliothèque échanges scolaires fiscalité état civil".split(
    " ",
  );

const LEVELS: { level: PartnerSide["collectivite"]["level"]; min: number; max: number; p: number }[] = [
  { level: "commune", min: 800, max: 500_000, p: 0.7 },
  { level: "epci", min: 10_000, max: 800_000, p: 0.12 },
  { level: "departement", min: 150_000, max: 2_600_000, p: 0.08 },
  { level: "region", min: 300_000, max: 12_500_000, p: 0.05 },
  { level: "other", min: 0, max: 0, p: 0.05 },
];

function levelAt(u: number): (typeof LEVELS)[number] {
  let acc = 0;
  for (const l of LEVELS) {
    acc += l.p;
    if (u < acc) return l;
  }
  return LEVELS[0]!;
}

/** Partners with realistic random fields, the same for a given seed. */
export function generatePartners(n: number, seed = 42): { partners: PartnerSide[]; areas: string[] } {
  const rnd = mulberry32(seed);
  const ref = loadMaliReference();
  const codes = [...ref.keys()];
  const upper = codes.filter((c) => c.length <= 6);
  const countries = ["FR", "FR", "FR", "FR", "BE", "ES", "IT", "DE", "CA", "SN", "BF", "CI", "MA"];
  const partners: PartnerSide[] = [];
  for (let i = 0; i < n; i++) {
    const lv = levelAt(rnd());
    const population =
      lv.max === 0 ? undefined : Math.round(Math.exp(Math.log(lv.min) + rnd() * Math.log(lv.max / lv.min)));
    const themes = sample(rnd, DOMAIN_CODES, 1 + Math.floor(rnd() * 4));
    const offered = sample(rnd, DOMAIN_CODES, Math.floor(rnd() * 6));
    const words = Array.from({ length: 8 + Math.floor(rnd() * 25) }, () => pick(rnd, WORDS)).join(" ");
    partners.push(
      partnerSide(
        `gen-${i}`,
        {
          name: `Collectivité ${i}`,
          country: pick(rnd, countries),
          level: lv.level,
          ...(population ? { population } : {}),
        },
        themes,
        offered,
        {
          offerDescription: words,
          presentation: words.split(" ").reverse().join(" "),
          modalities: sample(rnd, MODALITIES, Math.floor(rnd() * 4)),
          preferredAreas: rnd() < 0.5 ? [] : sample(rnd, upper, 1 + Math.floor(rnd() * 3)),
          diaspora:
            rnd() < 0.2
              ? [{ originCode: pick(rnd, upper), association: `Association de ressortissants ${i}` }]
              : [],
        },
      ),
    );
  }
  return { partners, areas: codes };
}

export interface LatencyRow {
  label: string;
  n: number;
  runs: number;
  p50: number;
  p99: number;
  mean: number;
}

export const stats = (label: string, n: number, ms: number[]): LatencyRow => ({
  label,
  n,
  runs: ms.length,
  p50: percentile(ms, 50),
  p99: percentile(ms, 99),
  mean: ms.reduce((a, b) => a + b, 0) / ms.length,
});

/**
 * `runs` timed runs per size after warm-ups, unless a size's runs exceed `budgetMs`: then
 * fewer runs are made (at least 3) and the row says how many. With few runs, p99 is the
 * slowest run.
 */
export function inProcessLatency(
  weights: RankingWeights,
  sizes: number[],
  opts: { runs?: number; budgetMs?: number } = {},
): LatencyRow[] {
  const runs = opts.runs ?? 30;
  const budgetMs = opts.budgetMs ?? Number.POSITIVE_INFINITY;
  // The first demo planche (Kirané Kaniaga, three priorities, diaspora in Montreuil).
  const raw = loadDemoInputs().find((p) => (p as { side?: string }).side === "mali");
  const { contact: _contact, ...input } = PlancheInputSchema.parse(raw);
  const planche: MaliSide = { ...META, ...input, id: "bench-planche" };
  const { partners: all, areas } = generatePartners(Math.max(...sizes));
  const rnd = mulberry32(7);
  const partnerTieCount = new Map<string, number>();
  const partnerActiveAreas = new Map<string, string[]>();
  for (const p of all) {
    if (rnd() < 0.15) {
      const active = sample(rnd, areas, 1 + Math.floor(rnd() * 3));
      partnerTieCount.set(p.id, active.length);
      partnerActiveAreas.set(p.id, active);
    }
  }
  const ctx = context(weights, { partnerTieCount, partnerActiveAreas });
  return sizes.map((n) => {
    const partners = all.slice(0, n);
    const warm = performance.now();
    rankCandidates(planche, partners, ctx, 20);
    const warmups = performance.now() - warm < 1_000 ? 2 : 0;
    for (let i = 0; i < warmups; i++) rankCandidates(planche, partners, ctx, 20);
    const ms: number[] = [];
    const start = performance.now();
    for (let i = 0; i < runs; i++) {
      if (i >= 3 && performance.now() - start > budgetMs) break;
      const t = performance.now();
      rankCandidates(planche, partners, ctx, 20);
      ms.push(performance.now() - t);
    }
    return stats("rankCandidates, limit 20", n, ms);
  });
}
