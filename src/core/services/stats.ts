import type { ProfileStore, ReferenceData } from "../ports.js";
import type { CurationStore } from "../ports-curation.js";
import type { Stats } from "../schemas/stats.js";
import { DOMAIN_CODES } from "../taxonomy.js";

export type { Stats };

/** Figures for the staff statistics page, computed from the record. */
export async function computeStats(deps: {
  store: ProfileStore;
  curation: CurationStore;
  reference: ReferenceData & {
    allMali(): Promise<
      { pcode: string; level: string; name: string; lat: number | null; lon: number | null }[]
    >;
  };
}): Promise<Stats> {
  const published = (await deps.store.list({ status: "published", limit: 100_000, offset: 0 })).items;
  const planches = published.filter((p) => p.side === "mali");
  const partners = published.filter((p) => p.side === "partner");
  const intros = await deps.curation.introductions({});

  const regions = (await deps.reference.allMali()).filter((u) => u.level === "region");
  const byRegion = regions.map((r) => ({
    code: r.pcode,
    name: r.name,
    lat: r.lat,
    lon: r.lon,
    planches: planches.filter((p) => (p.collectivite.regionCode ?? "") === r.pcode).length,
    partnersInterested: partners.filter(
      (p) =>
        p.side === "partner" &&
        [...p.preferredAreas, ...p.diaspora.map((d) => d.originCode)].some((a) => a.startsWith(r.pcode)),
    ).length,
  }));

  const bySector = DOMAIN_CODES.map((sector) => ({
    sector,
    needs: planches.filter((p) => p.side === "mali" && p.priorities.some((x) => x.sector === sector)).length,
    offers: partners.filter((p) => p.side === "partner" && p.expertiseOffered.includes(sector)).length,
    sought: partners.filter((p) => p.side === "partner" && p.themesSought.includes(sector)).length,
  }));

  const introduced = new Set(intros.map((i) => i.maliId));
  const withIntroduction = planches.filter((p) => introduced.has(p.id)).length;
  const introductionsByPhase: Record<string, number> = {};
  for (const i of intros) introductionsByPhase[i.phase] = (introductionsByPhase[i.phase] ?? 0) + 1;
  const feedback: Record<string, number> = {};
  for (const i of intros) {
    for (const f of await deps.curation.feedbackFor(i.id))
      feedback[String(f.level)] = (feedback[String(f.level)] ?? 0) + 1;
  }

  return {
    totals: { planches: planches.length, partners: partners.length, introductions: intros.length },
    byRegion,
    bySector,
    unmetNeeds: bySector.filter((s) => s.needs > 0 && s.offers === 0).map((s) => s.sector),
    coverage: {
      planches: planches.length,
      withIntroduction,
      share: planches.length === 0 ? 0 : Math.round((withIntroduction / planches.length) * 1000) / 1000,
    },
    introductionsByPhase,
    feedback,
  };
}
