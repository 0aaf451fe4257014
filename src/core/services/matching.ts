import { DomainError, fieldError } from "../errors.js";
import type { ProfileStore, ReferenceData, SearchIndex, TieStore } from "../ports.js";
import { rankCandidates, scorePair } from "../ranking/rank.js";
import {
  type MaliSide,
  type PairScore,
  type PartnerSide,
  type RankingContext,
  type RankingWeights,
  pairKey,
} from "../ranking/types.js";
import { type Profile, profileSectors, toPublicProfile } from "../schemas/profile.js";
import type { Tie } from "../schemas/reference.js";
import { domainLabel, type DomainCode } from "../taxonomy.js";
import { normalizeName } from "../text.js";
import { getProfile } from "./profiles.js";
import type { Match } from "../schemas/match.js";

export interface MatchingDeps {
  store: ProfileStore;
  search: SearchIndex;
  ties: TieStore;
  reference: ReferenceData;
  weights: RankingWeights;
  travelAdvice: { current: { region: string; zone: string; label: string; as_of: string }[] };
  /** Pairs settled through introductions (accepted → partnered, declined → declined). */
  settledPairs?: () => Promise<ReadonlyMap<string, "partnered" | "declined">>;
  /** How many candidates the search engine hands to the ranking. */
  candidatePool?: number;
}

export type { Match };

/** Identity keys of a profile or tie side: its reference code if any, its normalized name. */
const keysOf = (code: string | null | undefined, name: string) =>
  [code ? `code:${code}` : null, `name:${normalizeName(name)}`].filter((k): k is string => k !== null);

function matchesSide(profileKeys: string[], code: string | null, name: string): boolean {
  // A code on both sides decides; names only when the tie has no code.
  const codeKey = profileKeys.find((k) => k.startsWith("code:"));
  if (code && codeKey) return codeKey === `code:${code}`;
  return profileKeys.includes(`name:${normalizeName(name)}`);
}

const profileKeys = (p: Profile) => keysOf(p.collectivite.refCode, p.collectivite.name);

/**
 * Everything the ranking needs to know around a subject and its candidates, computed from
 * the ties of the 2008 directory, what the profiles declare and the introductions.
 */
export async function buildRankingContext(
  deps: MatchingDeps,
  subject: Profile,
  candidates: readonly Profile[],
): Promise<RankingContext> {
  const ties = await deps.ties.all();
  const settled = deps.settledPairs ? await deps.settledPairs() : new Map();
  const placeNames = new Map<string, string>();
  for (const t of ties) if (t.malian.code) placeNames.set(t.malian.code, t.malian.name);
  return rankingContextFrom(deps, subject, candidates, ties, settled, placeNames);
}

export function rankingContextFrom(
  deps: Pick<MatchingDeps, "weights" | "travelAdvice">,
  subject: Profile,
  candidates: readonly Profile[],
  ties: readonly Tie[],
  settled: ReadonlyMap<string, "partnered" | "declined">,
  placeNames: ReadonlyMap<string, string>,
): RankingContext {
  const all = [subject, ...candidates];
  const malianPartnerCount = new Map<string, number>();
  const partnerTieCount = new Map<string, number>();
  const partnerActiveAreas = new Map<string, string[]>();
  const tiesOf = new Map<string, Tie[]>();
  for (const p of all) {
    const keys = profileKeys(p);
    const mine = ties.filter((t) =>
      p.side === "mali"
        ? matchesSide(keys, t.malian.code, t.malian.name)
        : matchesSide(keys, t.french.code, t.french.name),
    );
    tiesOf.set(p.id, mine);
    if (p.side === "mali") {
      malianPartnerCount.set(p.id, Math.max(mine.length, p.currentPartners.length));
    } else {
      partnerTieCount.set(p.id, Math.max(mine.length, p.currentTies.length));
      partnerActiveAreas.set(
        p.id,
        mine.map((t) => t.malian.code).filter((c): c is string => Boolean(c)),
      );
    }
  }
  const excludedPairs = new Map<string, "partnered" | "declined">();
  const others = candidates.filter((c) => c.side !== subject.side);
  for (const o of others) {
    const m = (subject.side === "mali" ? subject : o) as Extract<Profile, { side: "mali" }>;
    const p = (subject.side === "mali" ? o : subject) as Extract<Profile, { side: "partner" }>;
    const key = pairKey(m.id, p.id);
    const settledState = settled.get(key);
    if (settledState) {
      excludedPairs.set(key, settledState);
      continue;
    }
    const pKeys = profileKeys(p);
    const mKeys = profileKeys(m);
    const tied =
      (tiesOf.get(m.id) ?? []).some((t) => matchesSide(pKeys, t.french.code, t.french.name)) ||
      m.currentPartners.some((n) => pKeys.includes(`name:${normalizeName(n)}`)) ||
      p.currentTies.some((n) => mKeys.includes(`name:${normalizeName(n)}`));
    if (tied) excludedPairs.set(key, "partnered");
  }
  return {
    weights: deps.weights,
    malianPartnerCount,
    partnerTieCount,
    partnerActiveAreas,
    placeNames,
    excludedPairs,
    travelAdvice: new Map(
      deps.travelAdvice.current.map((z) => [z.region, { zone: z.zone, label: z.label, asOf: z.as_of }]),
    ),
  };
}

function candidateText(p: Profile): string {
  const sectors = profileSectors(p) as DomainCode[];
  const words = p.side === "mali" ? p.priorities.map((x) => x.aspect) : [p.offerDescription];
  return [...sectors.map((s) => domainLabel(s, "fr")), ...words].join(" ").slice(0, 500);
}

function toMatch(other: Profile, r: PairScore, rank: number | null, lang: "fr" | "en"): Match {
  return {
    profile: toPublicProfile(other),
    score: r.score,
    rank,
    factors: r.factors,
    explanation: r.explanation.map((e) => e[lang]),
    reasons: r.explanation.map((e) => ({ factor: e.factor, text: e[lang] })),
    excluded: r.excluded,
  };
}

async function subjectAndCandidates(deps: MatchingDeps, id: string) {
  const subject = await getProfile(deps, id);
  if (subject.status === "archived") {
    throw DomainError.notFound("profile.archived");
  }
  const otherSide = subject.side === "mali" ? "partner" : "mali";
  // Pairs settled through introductions (accepted or declined) are filtered out by the engine.
  const settled = deps.settledPairs ? await deps.settledPairs() : new Map<string, string>();
  const settledWith = [...settled.keys()]
    .map((k) => k.split("|") as [string, string])
    .filter(([m, p]) => m === subject.id || p === subject.id)
    .map(([m, p]) => (m === subject.id ? p : m));
  const ids = await deps.search.candidateIds({
    side: otherSide,
    text: candidateText(subject),
    sectors: profileSectors(subject),
    excludeIds: [subject.id, ...settledWith],
    limit: deps.candidatePool ?? 500,
  });
  const candidates = (await deps.store.getMany(ids)).filter(
    (c) => c.status === "published" && c.side === otherSide,
  );
  return { subject, candidates };
}

/** Ranked candidates of the other side for a profile, with their explanations. */
export async function findMatches(
  deps: MatchingDeps,
  id: string,
  opts: { limit: number; lang: "fr" | "en" },
): Promise<{ subject: Profile; matches: Match[] }> {
  const { subject, candidates } = await subjectAndCandidates(deps, id);
  const ctx = await buildRankingContext(deps, subject, candidates);
  const ranked = rankCandidates(subject as MaliSide | PartnerSide, candidates, ctx, opts.limit);
  return {
    subject,
    matches: ranked.map((r, i) => toMatch(r.candidate as Profile, r.result, i + 1, opts.lang)),
  };
}

/**
 * The best partners of every published planche, ranked in-process against every published
 * partner (a batch for staff: at this scale the whole directory is the candidate pool, so the
 * search engine's first stage would return it all anyway). `skip` removes pairs by key.
 */
export async function bestPairsForAllPlanches(
  deps: MatchingDeps,
  opts: { perPlanche: number; lang: "fr" | "en"; skip: ReadonlySet<string> },
): Promise<{ mali: Profile; match: Match }[]> {
  const published = (await deps.store.list({ status: "published", limit: 100_000, offset: 0 })).items;
  const planches = published.filter((p) => p.side === "mali");
  const partners = published.filter((p) => p.side === "partner");
  const ties = await deps.ties.all();
  const settled = deps.settledPairs ? await deps.settledPairs() : new Map<string, "partnered" | "declined">();
  const placeNames = new Map<string, string>();
  for (const t of ties) if (t.malian.code) placeNames.set(t.malian.code, t.malian.name);
  const out: { mali: Profile; match: Match }[] = [];
  for (const m of planches) {
    const pool = partners.filter((p) => !opts.skip.has(pairKey(m.id, p.id)));
    const ctx = rankingContextFrom(deps, m, pool, ties, settled, placeNames);
    rankCandidates(m as MaliSide, pool, ctx, opts.perPlanche).forEach((r, i) => {
      out.push({ mali: m, match: toMatch(r.candidate as Profile, r.result, i + 1, opts.lang) });
    });
  }
  return out;
}

/** The same breakdown for any pair, with its rank among the subject's candidates, if any. */
export async function explainPair(
  deps: MatchingDeps,
  id: string,
  otherId: string,
  lang: "fr" | "en",
): Promise<Match> {
  const { subject, candidates } = await subjectAndCandidates(deps, id);
  const other = await getProfile(deps, otherId);
  if (other.side === subject.side) {
    throw DomainError.validation("match.same_side", [fieldError("otherId", "same_side", "field.same_side")]);
  }
  const pool = candidates.some((c) => c.id === other.id) ? candidates : [...candidates, other];
  const ctx = await buildRankingContext(deps, subject, pool);
  const m = (subject.side === "mali" ? subject : other) as MaliSide;
  const p = (subject.side === "mali" ? other : subject) as PartnerSide;
  const result = scorePair(m, p, ctx, subject.side);
  const ranked = rankCandidates(subject as MaliSide | PartnerSide, pool, ctx, pool.length);
  const pos = ranked.findIndex((r) => r.candidate.id === other.id);
  return toMatch(other, result, pos >= 0 ? pos + 1 : null, lang);
}
