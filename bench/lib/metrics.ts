/** Ranking metrics for a single relevant item, exact expectations, Gini, percentiles. */

export interface RankMetrics {
  r1: number;
  r5: number;
  r10: number;
  mrr: number;
  ndcg10: number;
}

export const METRIC_NAMES: Record<keyof RankMetrics, string> = {
  r1: "recall@1",
  r5: "recall@5",
  r10: "recall@10",
  mrr: "MRR",
  ndcg10: "NDCG@10",
};

const gain = (rank: number) => (rank <= 10 ? 1 / Math.log2(rank + 1) : 0);

/**
 * Metrics when the relevant item sits anywhere in positions [first, last] with equal
 * probability: equal scores are broken at random, so the expectation over the tie block is
 * exact and no arbitrary order (ids, insertion) can favour the answer.
 */
export function metricsForRankRange(first: number, last: number): RankMetrics {
  const n = last - first + 1;
  let r1 = 0;
  let r5 = 0;
  let r10 = 0;
  let mrr = 0;
  let ndcg10 = 0;
  for (let r = first; r <= last; r++) {
    if (r <= 1) r1++;
    if (r <= 5) r5++;
    if (r <= 10) r10++;
    mrr += 1 / r;
    ndcg10 += gain(r);
  }
  return { r1: r1 / n, r5: r5 / n, r10: r10 / n, mrr: mrr / n, ndcg10: ndcg10 / n };
}

export const metricsForRank = (rank: number) => metricsForRankRange(rank, rank);

/** Exact expectation of a uniformly random order of N candidates: recall@k = k/N, MRR = H_N/N. */
export const randomMetrics = (n: number) => metricsForRankRange(1, n);

/** Rank range of `target` given every candidate's score (higher is better). */
export function rankRangeOf(scores: ReadonlyMap<string, number>, target: string): [number, number] {
  const s = scores.get(target);
  if (s === undefined) throw new Error(`no score for ${target}`);
  let above = 0;
  let equal = 0;
  for (const v of scores.values()) {
    if (v > s) above++;
    else if (v === s) equal++;
  }
  return [above + 1, above + equal];
}

export function meanMetrics(xs: readonly RankMetrics[]): RankMetrics {
  const n = xs.length || 1;
  const sum = (k: keyof RankMetrics) => xs.reduce((a, x) => a + x[k], 0) / n;
  return { r1: sum("r1"), r5: sum("r5"), r10: sum("r10"), mrr: sum("mrr"), ndcg10: sum("ndcg10") };
}

/** Standard error of the mean of one metric across cases (sampling noise of the case set). */
export function standardError(xs: readonly RankMetrics[], k: keyof RankMetrics): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mean = xs.reduce((a, x) => a + x[k], 0) / n;
  const variance = xs.reduce((a, x) => a + (x[k] - mean) ** 2, 0) / (n - 1);
  return Math.sqrt(variance / n);
}

/** Gini coefficient of non-negative counts (0 = equal exposure, → 1 = all to one). */
export function gini(values: readonly number[]): number {
  const xs = [...values].sort((a, b) => a - b);
  const n = xs.length;
  const total = xs.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  let weighted = 0;
  xs.forEach((x, i) => {
    weighted += (i + 1) * x;
  });
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const xs = [...values].sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const idx = Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1));
  return xs[idx]!;
}
