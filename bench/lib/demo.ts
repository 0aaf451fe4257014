/** Two-sided measures on the demo profiles: who gets seen in partners' top 10. */
import { rankCandidates } from "../../src/core/ranking/rank.js";
import type { MaliSide, PartnerSide, RankingWeights } from "../../src/core/ranking/types.js";
import { type Profile, ProfileInputSchema } from "../../src/core/schemas/profile.js";
import { rankingContextFrom } from "../../src/core/services/matching.js";
import { loadDemoInputs, loadDirectoryTies, loadTravelAdvice, toApiTie } from "./data.js";
import { gini } from "./metrics.js";
import { META } from "./sides.js";

/** The demo profiles as stored profiles: parsed by the input schema, collectivités as given. */
export function loadDemo(): Profile[] {
  return loadDemoInputs().map((raw, i) => {
    const input = ProfileInputSchema.parse(raw);
    return { ...META, ...input, id: `demo-${input.side}-${i}` } as Profile;
  });
}

export interface ExposureResult {
  label: string;
  partners: number;
  malian: number;
  coverage: number;
  gini: number;
  maxExposure: number;
  /** Share of all top-10 slots given to Malian profiles with no known partner. */
  slotsToUnpartnered: number;
  unpartneredShare: number;
  mostExposed: { name: string; count: number; knownPartners: number }[];
  neverShown: string[];
}

export function exposure(weights: RankingWeights, label: string, k = 10): ExposureResult {
  const profiles = loadDemo();
  const ties = loadDirectoryTies().map(toApiTie);
  const placeNames = new Map<string, string>();
  for (const t of ties) if (t.malian.code) placeNames.set(t.malian.code, t.malian.name);
  const travelAdvice = loadTravelAdvice();
  const malian = profiles.filter((p) => p.side === "mali");
  const partners = profiles.filter((p) => p.side === "partner");
  const counts = new Map(malian.map((m) => [m.id, 0]));
  const known = new Map<string, number>();
  let slots = 0;
  let unpartneredSlots = 0;
  for (const p of partners) {
    const ctx = rankingContextFrom({ weights, travelAdvice }, p, malian, ties, new Map(), placeNames);
    for (const [id, n] of ctx.malianPartnerCount) known.set(id, n);
    const top = rankCandidates(p as PartnerSide, malian as MaliSide[], ctx, k);
    for (const r of top) {
      counts.set(r.candidate.id, (counts.get(r.candidate.id) ?? 0) + 1);
      slots++;
      if ((ctx.malianPartnerCount.get(r.candidate.id) ?? 0) === 0) unpartneredSlots++;
    }
  }
  const values = [...counts.values()];
  const name = (id: string) => malian.find((m) => m.id === id)?.collectivite.name ?? id;
  const unpartnered = malian.filter((m) => (known.get(m.id) ?? 0) === 0).length;
  return {
    label,
    partners: partners.length,
    malian: malian.length,
    coverage: values.filter((v) => v > 0).length / malian.length,
    gini: gini(values),
    maxExposure: Math.max(...values),
    slotsToUnpartnered: slots === 0 ? 0 : unpartneredSlots / slots,
    unpartneredShare: unpartnered / malian.length,
    mostExposed: [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([id, count]) => ({ name: name(id), count, knownPartners: known.get(id) ?? 0 })),
    neverShown: [...counts.entries()].filter(([, v]) => v === 0).map(([id]) => name(id)),
  };
}
