/**
 * npx tsx bench/sensitivity.ts — how much the leave-one-out ("symmetric" protocol) and the
 * scenarios move when one group of weights moves. Exploration only: it changes no file.
 */
import { RANKING_WEIGHTS } from "../search-config/ranking.js";
import type { RankingWeights } from "../src/core/ranking/types.js";
import { buildLooCases, rankLoo } from "./lib/loo.js";
import { standardError } from "./lib/metrics.js";
import { runScenarios } from "./lib/scenarios.js";
import { withWeights } from "./lib/sides.js";
import { table } from "./lib/table.js";

const VARIANTS: [string, (w: RankingWeights) => void][] = [
  ["current weights", () => {}],
  [
    "size: level 0.4, population 0.6",
    (w) => {
      w.size.level = 0.4;
      w.size.population = 0.6;
    },
  ],
  [
    "size: level 0.8, population 0.2",
    (w) => {
      w.size.level = 0.8;
      w.size.population = 0.2;
    },
  ],
  [
    "size: ratioScale 5",
    (w) => {
      w.size.ratioScale = 5;
    },
  ],
  [
    "size: ratioScale 20",
    (w) => {
      w.size.ratioScale = 20;
    },
  ],
  [
    "region: active nearby 0.9 / 0.6",
    (w) => {
      w.region.activeSameCercle = 0.9;
      w.region.activeSameRegion = 0.6;
    },
  ],
  [
    "fitForPartner: region 0.5, domain 0.35",
    (w) => {
      w.fitForPartner.region = 0.5;
      w.fitForPartner.domain = 0.35;
    },
  ],
  [
    "fitForMali: size 0.25, experience 0.05",
    (w) => {
      w.fitForMali.size = 0.25;
      w.fitForMali.experience = 0.05;
    },
  ],
  [
    "exposure 0.3",
    (w) => {
      w.exposure = 0.3;
    },
  ],
  [
    "exposure 0",
    (w) => {
      w.exposure = 0;
    },
  ],
];

const { cases } = buildLooCases("symmetric");
const rows = VARIANTS.map(([name, change]) => {
  const w = withWeights(RANKING_WEIGHTS, change);
  const loo = rankLoo(cases, w, name);
  const per = loo.cases.map((c) => c.metrics);
  const scenarios = runScenarios(w);
  return [
    name,
    loo.mean.r10,
    `±${(1.96 * standardError(per, "r10")).toFixed(3)}`,
    loo.mean.mrr,
    `±${(1.96 * standardError(per, "mrr")).toFixed(3)}`,
    `${scenarios.filter((s) => s.first).length}/${scenarios.length}`,
  ];
});
console.log(`Leave-one-out, symmetric protocol, ${cases.length} cases; scenarios ranked first.`);
console.log(table(["weights", "recall@10", "95%", "MRR", "95%", "scenarios 1st"], rows));
