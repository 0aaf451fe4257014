/**
 * npm run bench:quality — quality and latency of the reciprocal match ranking.
 *
 *   1. leave-one-out on the documented 2008 franco-malian ties, against a random order and
 *      plain Meilisearch keyword search;
 *   2. hand-written scenarios (bench/scenarios.json);
 *   3. two-sided exposure measures on the demo profiles;
 *   4. latency, in-process and over HTTP.
 *
 * Prints tables and writes bench-results/quality.json. Every process it starts (Meilisearch,
 * the HTTP server) is stopped in a `finally`; data lives in temporary folders.
 * `--only=loo,scenarios,demo,latency,http` runs a subset (the JSON then holds that subset).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { type LocalMeilisearch, startLocalMeilisearch } from "../src/adapters/meilisearch/local-server.js";
import type { RankingWeights } from "../src/core/ranking/types.js";
import { RANKING_WEIGHTS } from "../search-config/ranking.js";
import { ROOT } from "./lib/data.js";
import type { LooProtocol, MethodResult } from "./lib/loo.js";
import { METRIC_NAMES, type RankMetrics, standardError } from "./lib/metrics.js";
import { withWeights } from "./lib/sides.js";
import { fmt, heading, table } from "./lib/table.js";
import { removeTempDir, tempDir } from "./lib/temp.js";

const PARTS = ["loo", "scenarios", "demo", "latency", "http"] as const;
type Part = (typeof PARTS)[number];

function selectedParts(argv: string[]): Set<Part> {
  const only = argv.find((a) => a.startsWith("--only="));
  if (!only) return new Set(PARTS);
  const wanted = only.slice("--only=".length).split(",");
  const bad = wanted.filter((w) => !(PARTS as readonly string[]).includes(w));
  if (bad.length > 0) throw new Error(`unknown part(s) ${bad.join(", ")}; choose among ${PARTS.join(", ")}`);
  return new Set(wanted as Part[]);
}

const metricRow = (name: string, m: RankMetrics) => [name, m.r1, m.r5, m.r10, m.mrr, m.ndcg10];
const METRIC_HEADERS = ["method", ...Object.values(METRIC_NAMES)];

// Each part loads its modules when it runs: a part whose imports fail (say, a file being
// edited elsewhere) fails alone, the others still run.
async function leaveOneOut(weights: RankingWeights, meili: LocalMeilisearch) {
  const { buildLooCases, keywordLoo, randomLoo, rankLoo } = await import("./lib/loo.js");
  const out: Record<string, unknown> = {};
  for (const protocol of ["briefed", "symmetric"] as LooProtocol[]) {
    const { cases, skipped, candidatePool, documented } = buildLooCases(protocol);
    const methods: MethodResult[] = [
      rankLoo(cases, weights, "reciprocal ranking (current weights)"),
      rankLoo(
        cases,
        withWeights(weights, (w) => {
          w.exposure = 0;
        }),
        "reciprocal ranking, exposure = 0",
      ),
      randomLoo(cases),
    ];
    const keyword = await keywordLoo(cases, meili, `loo_${protocol}`);
    methods.push(keyword);
    const ns = cases.map((c) => c.candidates.length);
    console.log(
      heading(
        `1. Leave-one-out on the 2008 ties — protocol "${protocol}"${protocol === "symmetric" ? " (leak control)" : ""}`,
      ),
    );
    console.log(
      `${cases.length} cases (of ${documented} documented ties with a P-code; ${skipped.length} skipped), ` +
        `${candidatePool} Malian collectivités in the pool, ${Math.min(...ns)}–${Math.max(...ns)} candidates per case; ` +
        `${cases.filter((c) => c.partnerOtherTies > 0).length} partners with another tie, ` +
        `${cases.filter((c) => c.partnerKnownDomains.length > 0).length} with known domains; ` +
        `hidden side with another tie in ${cases.filter((c) => c.hiddenOtherTies > 0).length} cases.`,
    );
    for (const s of skipped) console.log(`  skipped ${s.id}: ${s.reason}`);
    console.log(
      table(
        METRIC_HEADERS,
        methods.map((m) => metricRow(m.method, m.mean)),
      ),
    );
    const ci = (m: MethodResult, k: keyof RankMetrics) =>
      `${fmt(m.mean[k])} ± ${fmt(
        1.96 *
          standardError(
            m.cases.map((c) => c.metrics),
            k,
          ),
      )}`;
    for (const m of methods.filter((x) => !x.method.startsWith("random"))) {
      console.log(`  95% interval over cases, ${m.method}: recall@10 ${ci(m, "r10")}, MRR ${ci(m, "mrr")}`);
    }
    const lonely = cases.filter((c) =>
      [...c.ctx.malianPartnerCount].every(([id, n]) => (id === c.hiddenId ? n === 0 : n > 0)),
    ).length;
    console.log(
      `  the hidden side is the only candidate with no known partner in ${lonely} of ${cases.length} cases` +
        (lonely > 0 ? " (the exposure term can find it without any real signal)." : "."),
    );
    console.log(
      `  keyword search: ${keyword.emptyQueries} empty queries (partner with no other tie: the fixed order), ` +
        `${fmt(keyword.meanReturned, 1)} hits per query on average.`,
    );
    out[protocol] = {
      cases: cases.length,
      skipped,
      documented,
      candidatePool,
      candidatesPerCase: { min: Math.min(...ns), max: Math.max(...ns) },
      partnersWithOtherTies: cases.filter((c) => c.partnerOtherTies > 0).length,
      partnersWithKnownDomains: cases.filter((c) => c.partnerKnownDomains.length > 0).length,
      hiddenWithOtherTies: cases.filter((c) => c.hiddenOtherTies > 0).length,
      keywordEmptyQueries: keyword.emptyQueries,
      hiddenIsOnlyUnpartnered: cases.filter((c) =>
        [...c.ctx.malianPartnerCount].every(([id, n]) => (id === c.hiddenId ? n === 0 : n > 0)),
      ).length,
      methods: methods.map((m) => ({
        method: m.method,
        ...m.mean,
        se: {
          r10: standardError(
            m.cases.map((c) => c.metrics),
            "r10",
          ),
          mrr: standardError(
            m.cases.map((c) => c.metrics),
            "mrr",
          ),
        },
        perCase: m.cases.map((c) => ({ id: c.id, n: c.n, rank: c.rank })),
      })),
    };
  }
  return out;
}

async function scenarios(weights: RankingWeights) {
  const { runScenarios, summarize } = await import("./lib/scenarios.js");
  const results = runScenarios(weights);
  const summary = summarize(results);
  console.log(heading("2. Hand-written scenarios (bench/scenarios.json)"));
  console.log(
    table(
      ["group", "scenarios", "expected 1st", "expected in top 3"],
      summary.map((s) => [s.group, s.n, `${s.first}/${s.n}`, `${s.top3}/${s.n}`]),
    ),
  );
  console.log(
    table(
      ["scenario", "groups", "rank of expected", "runner-up", "margin"],
      results.map((r) => [
        r.id,
        r.groups.join(","),
        r.rank[0] === r.rank[1] ? String(r.rank[0]) : `${r.rank[0]}–${r.rank[1]}`,
        r.runnerUp,
        r.margin,
      ]),
    ),
  );
  const failures = results.filter((r) => !r.first);
  if (failures.length === 0) console.log("No failure.");
  for (const f of failures) {
    const rank = f.rank[0] === f.rank[1] ? `${f.rank[0]}` : `${f.rank[0]}–${f.rank[1]} (tie)`;
    console.log(`  FAIL ${f.id} [${f.groups.join(", ")}]: expected ${f.expected} ranked ${rank}`);
    for (const o of f.order) {
      console.log(
        `       ${o.id === f.expected ? "*" : " "} ${o.id.padEnd(24)} score ${fmt(o.score)}  fitForMali ${fmt(o.fitForMali)}  fitForPartner ${fmt(o.fitForPartner)}`,
      );
    }
  }
  return { summary, results };
}

async function demo(weights: RankingWeights) {
  const { exposure } = await import("./lib/demo.js");
  const rows = [
    exposure(weights, "current weights"),
    exposure(
      withWeights(weights, (w) => {
        w.exposure = 0;
      }),
      "exposure = 0",
    ),
  ];
  const first = rows[0]!;
  console.log(heading("3. Two-sided measures on the demo profiles (top 10 of every partner)"));
  console.log(
    `${first.partners} partners, ${first.malian} Malian profiles (${fmt(first.unpartneredShare * 100, 0)}% with no known partner).`,
  );
  console.log(
    table(
      ["weights", "coverage", "Gini of exposure", "max appearances", "slots to unpartnered"],
      rows.map((r) => [r.label, r.coverage, r.gini, r.maxExposure, r.slotsToUnpartnered]),
    ),
  );
  for (const r of rows) {
    console.log(
      `  ${r.label}: most exposed ${r.mostExposed.map((m) => `${m.name} ${m.count}× (${m.knownPartners} known partners)`).join(", ")}`,
    );
    console.log(
      `  ${r.label}: never in a top 10 (${r.neverShown.length}): ${r.neverShown.join(", ") || "none"}`,
    );
  }
  return rows;
}

async function main(): Promise<void> {
  // Ctrl-C or a kill: exit through process.exit so that the "exit" hooks run — they kill the
  // Meilisearch children (src/adapters/meilisearch/local-server.ts) and remove temp folders.
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
  const parts = selectedParts(process.argv.slice(2));
  const weights: RankingWeights = RANKING_WEIGHTS;
  const started = performance.now();
  const result: Record<string, unknown> = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    weights,
  };
  const failures: string[] = [];
  const attempt = async (part: Part, fn: () => Promise<unknown> | unknown) => {
    if (!parts.has(part)) return;
    try {
      result[part] = await fn();
    } catch (err) {
      failures.push(part);
      result[part] = { error: String(err instanceof Error ? (err.stack ?? err.message) : err) };
      console.error(`\n[${part}] failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  if (parts.has("loo")) {
    const dir = tempDir("bap-bench-meili-");
    let meili: LocalMeilisearch | null = null;
    try {
      await attempt("loo", async () => {
        meili = await startLocalMeilisearch({ dir, binary: process.env.MEILI_BIN });
        return leaveOneOut(weights, meili);
      });
    } finally {
      await (meili as LocalMeilisearch | null)?.stop();
      removeTempDir(dir);
    }
  }
  await attempt("scenarios", () => scenarios(weights));
  await attempt("demo", () => demo(weights));
  await attempt("latency", async () => {
    const { inProcessLatency } = await import("./lib/latency-core.js");
    // Full mode: 30 runs at every size, whatever it takes. Default: at most ~50 s of timed runs per size (the whole bench stays under 5 minutes).
    const full = process.argv.includes("--full-latency");
    const rows = inProcessLatency(weights, [1_000, 10_000, 50_000], {
      runs: 30,
      budgetMs: full ? Number.POSITIVE_INFINITY : 50_000,
    });
    console.log(
      heading(
        "4a. Latency in-process: one planche against generated partners (30 runs, or as many as fit in 50 s)",
      ),
    );
    console.log(
      table(
        ["candidates", "runs", "p50 ms", "p99 ms", "mean ms"],
        rows.map((r) => [String(r.n), String(r.runs), fmt(r.p50, 1), fmt(r.p99, 1), fmt(r.mean, 1)]),
      ),
    );
    return rows;
  });
  await attempt("http", async () => {
    console.log(heading("4b. Latency over HTTP: real server, SQLite + local Meilisearch, demo profiles"));
    const { httpLatency } = await import("./lib/latency-http.js");
    const r = await httpLatency(200, 20, (line) => {
      if (/error|fail/i.test(line)) console.log(line);
    });
    console.log(
      table(
        ["request", "requests", "p50 ms", "p99 ms", "mean ms", "errors"],
        [[r.label, String(r.runs), fmt(r.p50, 1), fmt(r.p99, 1), fmt(r.mean, 1), String(r.errors)]],
      ),
    );
    console.log(
      `  (${r.profiles} demo profiles cycled; server start with seeding: ${fmt(r.startupMs / 1000, 1)} s)`,
    );
    if (r.errors > 0) throw new Error(`${r.errors} HTTP requests failed`);
    return r;
  });

  result.durationSeconds = Math.round((performance.now() - started) / 100) / 10;
  result.failedParts = failures;
  const outDir = join(ROOT, "bench-results");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "quality.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWrote bench-results/quality.json in ${result.durationSeconds} s.`);
  if (failures.length > 0) {
    console.error(`Failed parts: ${failures.join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
