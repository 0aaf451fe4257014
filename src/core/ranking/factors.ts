import type { DomainCode } from "../taxonomy.js";
import { normalizeName, tokens } from "../text.js";
import type { MaliSide, PartnerSide, RankingContext, RankingWeights } from "./types.js";

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Noisy-or: independent reasons add up without passing 1. */
export const noisyOr = (xs: readonly number[]) => 1 - xs.reduce((acc, x) => acc * (1 - clamp01(x)), 1);

export const harmonic = (a: number, b: number) => (a + b <= 0 ? 0 : (2 * a * b) / (a + b));

/** Normalised weights of the planche's priorities, the first one heaviest (PDESC order). */
export function priorityWeights(n: number, decay: number): number[] {
  const raw = Array.from({ length: n }, (_, i) => 1 / (1 + decay * i));
  const sum = raw.reduce((a, b) => a + b, 0) || 1;
  return raw.map((w) => w / sum);
}

function overlap(a: readonly string[], b: ReadonlySet<string>): number {
  if (a.length === 0) return 0;
  return a.filter((w) => b.has(w)).length / a.length;
}

export interface DomainMatch {
  /** Need meets offer, from the planche's side: weighted share of its priorities covered. */
  forMali: number;
  /** Share of the partner's themes found among the planche's priorities. */
  forPartner: number;
  /** Priority sectors met by the partner's expertise, in PDESC order. */
  metByExpertise: DomainCode[];
  /** Priority sectors the partner only seeks. */
  metByThemes: DomainCode[];
  /** Partner themes that the planche also lists. */
  sharedThemes: DomainCode[];
}

/** Words are computed once per profile object, not once per pair: ranking 50k candidates reuses them. */
const offerWordsCache = new WeakMap<PartnerSide, Set<string>>();
const aspectWordsCache = new WeakMap<MaliSide, string[][]>();

function offerWordsOf(p: PartnerSide): Set<string> {
  let w = offerWordsCache.get(p);
  if (!w) {
    w = new Set(tokens([p.offerDescription, p.presentation].join(" ")));
    offerWordsCache.set(p, w);
  }
  return w;
}

function aspectWordsOf(m: MaliSide): string[][] {
  let w = aspectWordsCache.get(m);
  if (!w) {
    w = m.priorities.map((x) => tokens(`${x.aspect} ${x.actors}`));
    aspectWordsCache.set(m, w);
  }
  return w;
}

export function domainMatch(m: MaliSide, p: PartnerSide, w: RankingWeights["domain"]): DomainMatch {
  const offered = new Set<string>(p.expertiseOffered);
  const sought = new Set<string>(p.themesSought);
  const offerWords = offerWordsOf(p);
  const aspectWords = aspectWordsOf(m);
  const weights = priorityWeights(m.priorities.length, w.priorityDecay);
  const metByExpertise: DomainCode[] = [];
  const metByThemes: DomainCode[] = [];
  let forMali = 0;
  m.priorities.forEach((prio, i) => {
    let s: number;
    if (offered.has(prio.sector)) {
      s = w.offered;
      metByExpertise.push(prio.sector);
    } else if (sought.has(prio.sector)) {
      s = w.sought;
      metByThemes.push(prio.sector);
    } else {
      // The aspect's own words against the partner's offer: the second, weaker signal.
      s = w.textCeiling * overlap(aspectWords[i] ?? [], offerWords);
    }
    forMali += (weights[i] ?? 0) * s;
  });
  const maliSectors = m.priorities.map((x) => x.sector);
  const rankOf = new Map<string, number>();
  maliSectors.forEach((s, i) => {
    if (!rankOf.has(s)) rankOf.set(s, i);
  });
  const themes = p.themesSought.length > 0 ? p.themesSought : p.expertiseOffered;
  const sharedThemes = themes.filter((t) => rankOf.has(t));
  // A theme that is the planche's first priority counts fully, a late one a little less.
  const forPartner =
    themes.length === 0
      ? 0
      : sharedThemes.reduce((acc, t) => acc + 1 / (1 + 0.15 * (rankOf.get(t) ?? 0)), 0) / themes.length;
  // Themes the planche says it seeks from a partner, met by the partner's expertise.
  const soughtByMali = m.partnerSought.themes;
  const wishBonus =
    soughtByMali.length === 0 ? 0 : soughtByMali.filter((t) => offered.has(t)).length / soughtByMali.length;
  return {
    forMali: clamp01(0.85 * forMali + 0.15 * wishBonus),
    forPartner: clamp01(forPartner),
    metByExpertise: [...new Set(metByExpertise)],
    metByThemes: [...new Set(metByThemes)].filter((s) => !metByExpertise.includes(s)),
    sharedThemes: [...new Set(sharedThemes)],
  };
}

/** P-codes that locate a planche: its own, its cercle's, its région's. */
export function maliCodes(m: MaliSide): { own: string | null; cercle: string | null; region: string | null } {
  const c = m.collectivite;
  return {
    own: c.refCode ?? null,
    cercle: c.cercleCode ?? (c.refCode && c.refCode.length >= 6 ? c.refCode.slice(0, 6) : null),
    region: c.regionCode ?? (c.refCode && c.refCode.length >= 4 ? c.refCode.slice(0, 4) : null),
  };
}

/**
 * How close an area code (région ML01, cercle ML0107 or commune ML010701) is to the
 * planche: same commune or cercle → "cercle", same région → "region", else null.
 */
function areaLevel(area: string, m: ReturnType<typeof maliCodes>): "cercle" | "region" | null {
  if (area.length >= 6 && (m.own === area || m.cercle === area.slice(0, 6))) return "cercle";
  if (m.region && m.region === area.slice(0, 4)) return "region";
  return null;
}

export interface RegionMatch {
  score: number;
  preferred: boolean;
  noPreference: boolean;
  /** Diaspora tie: the partner hosts people from the planche's area, or the planche names the partner's town. */
  diaspora: { level: "cercle" | "region"; association: string } | null;
  activeNearby: { level: "cercle" | "region"; code: string } | null;
}

export function regionMatch(m: MaliSide, p: PartnerSide, ctx: RankingContext): RegionMatch {
  const w = ctx.weights.region;
  const codes = maliCodes(m);
  const preferred = p.preferredAreas.some((a) => areaLevel(a, codes) !== null);
  const noPreference = p.preferredAreas.length === 0;

  let diaspora: RegionMatch["diaspora"] = null;
  for (const d of p.diaspora) {
    const level = areaLevel(d.originCode, codes);
    if (level && (!diaspora || (level === "cercle" && diaspora.level === "region"))) {
      diaspora = { level, association: d.association };
    }
  }
  const partnerTown = normalizeName(p.collectivite.name);
  const named = m.diaspora.find((a) => a.city && normalizeName(a.city) === partnerTown);
  if (named) diaspora = { level: "cercle", association: named.name };

  let activeNearby: RegionMatch["activeNearby"] = null;
  for (const code of ctx.partnerActiveAreas.get(p.id) ?? []) {
    const level = areaLevel(code, codes);
    if (level === "cercle" || (level === "region" && !activeNearby)) activeNearby = { level, code };
    if (level === "cercle") break;
  }

  const score = noisyOr([
    preferred ? w.preferredArea : noPreference ? w.noPreference : 0,
    diaspora ? (diaspora.level === "cercle" ? w.diasporaCercle : w.diasporaRegion) : 0,
    activeNearby ? (activeNearby.level === "cercle" ? w.activeSameCercle : w.activeSameRegion) : 0,
  ]);
  return { score, preferred, noPreference, diaspora, activeNearby };
}

/** How well two levels of collectivité usually pair (commune–commune, cercle–département…). */
const LEVEL_FIT: Record<string, Record<string, number>> = {
  commune: { commune: 1, epci: 0.8, other: 0.6, departement: 0.35, region: 0.2, cercle: 0.5 },
  cercle: { departement: 1, epci: 0.9, commune: 0.6, other: 0.6, region: 0.6, cercle: 1 },
  region: { region: 1, departement: 0.7, other: 0.6, epci: 0.4, commune: 0.25, cercle: 0.6 },
  /** The District de Bamako is a région on paper but a capital city in practice. */
  district: { commune: 0.9, epci: 1, departement: 0.7, region: 0.8, other: 0.7, cercle: 0.6 },
};

/** P-code of the District de Bamako (its six communes keep the commune level). */
const BAMAKO_DISTRICT = "ML09";

const effectiveLevel = (m: MaliSide) =>
  m.collectivite.refCode === BAMAKO_DISTRICT ? "district" : m.collectivite.level;

export interface SizeMatch {
  score: number;
  level: number;
  population: number;
  ratio: number | null;
}

export function sizeMatch(m: MaliSide, p: PartnerSide, w: RankingWeights["size"]): SizeMatch {
  const level = LEVEL_FIT[effectiveLevel(m)]?.[p.collectivite.level] ?? 0.5;
  const a = m.collectivite.population;
  const b = p.collectivite.population;
  let population = w.unknownPopulation;
  let ratio: number | null = null;
  if (a && b && a > 0 && b > 0) {
    ratio = Math.max(a, b) / Math.min(a, b);
    const x = Math.log(ratio) / Math.log(w.ratioScale);
    population = Math.exp(-x * x);
  }
  return { score: clamp01(w.level * level + w.population * population), level, population, ratio };
}

/** The planche's explicit wishes: country, level and ways of working. Empty wishes accept anyone. */
export function wishesMatch(m: MaliSide, p: PartnerSide): number {
  const s = m.partnerSought;
  const country = s.countries.length === 0 || s.countries.includes(p.collectivite.country) ? 1 : 0.2;
  const level = s.levels.length === 0 || s.levels.includes(p.collectivite.level) ? 1 : 0.5;
  const wanted = s.modalities.length > 0 ? s.modalities : m.modalities;
  const modes =
    wanted.length === 0 || p.modalities.length === 0
      ? 0.7
      : wanted.some((x) => p.modalities.includes(x))
        ? 1
        : 0.4;
  return clamp01(0.5 * country + 0.25 * level + 0.25 * modes);
}

/** Experience in Mali is a plus for the planche: 0 ties → 0.3, 1 → 0.65, 3+ → about 1. */
export function experienceOf(ties: number): number {
  return clamp01(0.3 + 0.7 * (1 - Math.exp(-ties / 1.2)));
}

/** Exposure share: a collectivité with no partner gets all of it, one with many less. */
export function exposureOf(partners: number): number {
  return clamp01(1 / (1 + 0.6 * partners));
}
