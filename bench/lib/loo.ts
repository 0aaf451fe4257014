/**
 * Leave-one-out on the documented ties of the 2008 directory: hide one tie, describe its
 * French partner with what is known without it, rank every Malian collectivité of the
 * directory for that partner, and see where the hidden Malian side lands.
 */
import { Meilisearch } from "meilisearch";
import { rankCandidates } from "../../src/core/ranking/rank.js";
import {
  type MaliSide,
  type PartnerSide,
  type RankingContext,
  type RankingWeights,
  pairKey,
} from "../../src/core/ranking/types.js";
import { DOMAIN_CODES, type DomainCode, domainLabel, isDomainCode } from "../../src/core/taxonomy.js";
import { type DirectoryTie, frenchKey, loadDirectoryTies, loadMaliReference, type MaliRef } from "./data.js";
import { meanMetrics, metricsForRankRange, randomMetrics, type RankMetrics, rankRangeOf } from "./metrics.js";
import { hash32 } from "./prng.js";
import { maliSide, partnerSide } from "./sides.js";

/**
 * - "briefed": as specified — only the hidden tie is removed; every other candidate keeps
 *   all its ties (count and domains).
 * - "symmetric": leak control — every candidate is seen with one of its ties removed (a
 *   documented one when it has any, chosen by a hash), exactly as the hidden answer is.
 *   Without this, the answer is often the only candidate with no known partner.
 */
export type LooProtocol = "briefed" | "symmetric";

export interface LooCase {
  id: string;
  protocol: LooProtocol;
  partner: PartnerSide;
  hiddenId: string;
  candidates: MaliSide[];
  ctx: Omit<RankingContext, "weights">;
  partnerOtherTies: number;
  partnerKnownDomains: DomainCode[];
  hiddenOtherTies: number;
  keyword: { query: string; docs: KeywordDoc[]; excludeIds: string[] };
}

export interface KeywordDoc {
  id: string;
  name: string;
  cercle: string;
  region: string;
  domainsFr: string[];
  domainsEn: string[];
}

export interface LooSkip {
  id: string;
  reason: string;
}

const PARTNER_LEVEL: Record<string, PartnerSide["collectivite"]["level"]> = {
  commune: "commune",
  epci: "epci",
  departement: "departement",
  region: "region",
};

export const candidateId = (pcode: string) => `ml-${pcode}`;
const domainsOf = (ties: readonly DirectoryTie[]): DomainCode[] => [
  ...new Set(ties.flatMap((t) => t.domains).filter(isDomainCode)),
];

/** The aspect of the neutral priority given to a candidate whose domains are unknown. */
export const NEUTRAL_ASPECT = "Priorités du PDESC non renseignées";

/**
 * A candidate with no known domain still needs one priority (the schema asks for one). It
 * gets a sector the partner neither seeks nor offers, so that it earns no domain credit —
 * like a planche whose priorities are unrelated — and can never be pulled up by the fallback.
 */
function neutralPriority(partnerDomains: ReadonlySet<string>): MaliSide["priorities"][number] {
  const sector = DOMAIN_CODES.find((d) => !partnerDomains.has(d)) ?? "governance";
  return { sector, aspect: NEUTRAL_ASPECT, actors: "" };
}

export function buildLooCases(protocol: LooProtocol): {
  cases: LooCase[];
  skipped: LooSkip[];
  candidatePool: number;
  documented: number;
} {
  const ties = loadDirectoryTies();
  const ref = loadMaliReference();
  const byPartner = new Map<string, DirectoryTie[]>();
  const byMali = new Map<string, DirectoryTie[]>();
  for (const t of ties) {
    const k = frenchKey(t);
    byPartner.set(k, [...(byPartner.get(k) ?? []), t]);
    if (t.malian.pcode) byMali.set(t.malian.pcode, [...(byMali.get(t.malian.pcode) ?? []), t]);
  }
  const pool = [...byMali.keys()].filter((c) => ref.has(c)).sort();
  const placeNames = new Map<string, string>();
  for (const t of ties) if (t.malian.pcode) placeNames.set(t.malian.pcode, t.malian.name);

  const documented = ties.filter((t) => t.sources.includes("fiche") && t.malian.pcode);
  const cases: LooCase[] = [];
  const skipped: LooSkip[] = [];
  for (const hidden of documented) {
    const hiddenCode = hidden.malian.pcode!;
    if (!ref.has(hiddenCode)) {
      skipped.push({ id: hidden.id, reason: `${hiddenCode} missing from the Mali reference` });
      continue;
    }
    const pKey = frenchKey(hidden);
    const partnerOthers = (byPartner.get(pKey) ?? []).filter((t) => t !== hidden);
    const partneredCodes = new Set(partnerOthers.map((t) => t.malian.pcode).filter((c): c is string => !!c));
    if (partneredCodes.has(hiddenCode)) {
      skipped.push({
        id: hidden.id,
        reason: `another tie of ${hidden.french.name} has the same Malian side (${hiddenCode}): the pair is already partnered`,
      });
      continue;
    }
    const partner = buildPartner(hidden, partnerOthers);
    const partnerDomains = new Set<string>([...partner.themesSought, ...partner.expertiseOffered]);

    const candidates: MaliSide[] = [];
    const docs: KeywordDoc[] = [];
    const malianPartnerCount = new Map<string, number>();
    for (const code of pool) {
      if (partneredCodes.has(code)) continue;
      const known = knownTiesOf(code, byMali.get(code) ?? [], hidden, protocol);
      const unit = ref.get(code)!;
      const domains = domainsOf(known);
      const id = candidateId(code);
      candidates.push(candidate(id, unit, domains, partnerDomains));
      malianPartnerCount.set(id, known.length);
      docs.push(keywordDoc(id, unit, domains));
    }
    const partnerTieCount = new Map([[partner.id, partnerOthers.length]]);
    const partnerActiveAreas = new Map([[partner.id, [...partneredCodes]]]);
    const excludedPairs = new Map<string, "partnered">(
      [...partneredCodes].map((c) => [pairKey(candidateId(c), partner.id), "partnered"]),
    );
    cases.push({
      id: hidden.id,
      protocol,
      partner,
      hiddenId: candidateId(hiddenCode),
      candidates,
      ctx: {
        malianPartnerCount,
        partnerTieCount,
        partnerActiveAreas,
        placeNames,
        excludedPairs,
        travelAdvice: new Map(),
      },
      partnerOtherTies: partnerOthers.length,
      partnerKnownDomains: domainsOf(partnerOthers),
      hiddenOtherTies: (byMali.get(hiddenCode) ?? []).filter((t) => t !== hidden).length,
      keyword: {
        query: keywordQuery(partnerOthers),
        docs,
        excludeIds: [...partneredCodes].map(candidateId),
      },
    });
  }
  return { cases, skipped, candidatePool: pool.length, documented: documented.length };
}

/** The ties of a candidate that the ranking may know about in this case. */
function knownTiesOf(
  code: string,
  all: readonly DirectoryTie[],
  hidden: DirectoryTie,
  protocol: LooProtocol,
): DirectoryTie[] {
  if (hidden.malian.pcode === code) return all.filter((t) => t !== hidden);
  if (protocol === "briefed") return [...all];
  // Symmetric: hide one of this candidate's ties too, a documented one when it has any.
  const fiche = all.filter((t) => t.sources.includes("fiche"));
  const from = fiche.length > 0 ? fiche : all;
  if (from.length === 0) return [...all];
  const drop = from[hash32(`${hidden.id}|${code}`) % from.length]!;
  return all.filter((t) => t !== drop);
}

function buildPartner(hidden: DirectoryTie, others: readonly DirectoryTie[]): PartnerSide {
  const f = hidden.french;
  const domains = domainsOf(others);
  return partnerSide(
    `fr-${frenchKey(hidden)}`,
    {
      ...(f.code ? { refCode: f.code } : {}),
      name: f.name,
      country: "FR",
      level: PARTNER_LEVEL[f.kind] ?? "other",
      ...(f.population ? { population: f.population } : {}),
      ...(f.region ? { regionName: f.region } : {}),
    },
    // No known domain: no stated theme. The ranking then gives every candidate the same
    // domain fit (0), the only fallback that cannot reorder candidates.
    domains,
    domains,
  );
}

function candidate(
  id: string,
  unit: MaliRef,
  domains: readonly DomainCode[],
  partnerDomains: ReadonlySet<string>,
): MaliSide {
  const priorities =
    domains.length > 0
      ? domains.slice(0, 12).map((d) => ({ sector: d, aspect: domainLabel(d, "fr"), actors: "" }))
      : [neutralPriority(partnerDomains)];
  return maliSide(
    id,
    {
      refCode: unit.pcode,
      name: unit.name,
      country: "ML",
      level: unit.level,
      ...(unit.population ? { population: unit.population } : {}),
      ...(unit.regionCode ? { regionCode: unit.regionCode } : {}),
      ...(unit.regionName ? { regionName: unit.regionName } : {}),
      ...(unit.cercleCode ? { cercleCode: unit.cercleCode } : {}),
      ...(unit.cercleName ? { cercleName: unit.cercleName } : {}),
    },
    priorities,
  );
}

function keywordDoc(id: string, unit: MaliRef, domains: readonly DomainCode[]): KeywordDoc {
  return {
    id,
    name: unit.name,
    cercle: unit.cercleName ?? "",
    region: unit.regionName ?? "",
    domainsFr: domains.map((d) => domainLabel(d, "fr")),
    domainsEn: domains.map((d) => domainLabel(d, "en")),
  };
}

/** Places of the partner's other ties first (Meilisearch reads only the first 10 query words), then domain labels. */
function keywordQuery(others: readonly DirectoryTie[]): string {
  const places = others.flatMap((t) => [t.malian.name, t.malian.cercle ?? "", t.malian.region ?? ""]);
  const labels = domainsOf(others).flatMap((d) => [domainLabel(d, "fr"), domainLabel(d, "en")]);
  return [...new Set([...places, ...labels].filter((s) => s.length > 0))].join(" ");
}

export interface CaseResult {
  id: string;
  n: number;
  rank: [number, number];
  metrics: RankMetrics;
}

export interface MethodResult {
  method: string;
  mean: RankMetrics;
  cases: CaseResult[];
}

export function rankLoo(cases: readonly LooCase[], weights: RankingWeights, method: string): MethodResult {
  const results = cases.map((c) => {
    const ctx: RankingContext = { ...c.ctx, weights };
    const ranked = rankCandidates(c.partner, c.candidates, ctx, c.candidates.length);
    const scores = new Map(ranked.map((r) => [r.candidate.id, r.result.score]));
    const rank = rankRangeOf(scores, c.hiddenId);
    return { id: c.id, n: ranked.length, rank, metrics: metricsForRankRange(rank[0], rank[1]) };
  });
  return { method, mean: meanMetrics(results.map((r) => r.metrics)), cases: results };
}

export function randomLoo(cases: readonly LooCase[]): MethodResult {
  const results = cases.map((c) => {
    const n = c.candidates.length;
    return { id: c.id, n, rank: [1, n] as [number, number], metrics: randomMetrics(n) };
  });
  return {
    method: "random order (exact expectation)",
    mean: meanMetrics(results.map((r) => r.metrics)),
    cases: results,
  };
}

/** Fixed order of the candidates Meilisearch does not return: by hash, so no region is favoured. */
const fixedOrder = (ids: readonly string[]) =>
  [...ids].sort((a, b) => hash32(a) - hash32(b) || (a < b ? -1 : 1));

/**
 * Plain keyword search: one document per candidate, one query per case built from the
 * partner's other ties, `matchingStrategy: "last"`, every hit; candidates not returned
 * come after, in a fixed (hash) order. Documents are inserted in that order too, so an
 * empty query (a partner with no other tie) returns that same arbitrary order.
 */
export async function keywordLoo(
  cases: readonly LooCase[],
  meili: { url: string; apiKey: string },
  indexUid: string,
): Promise<MethodResult & { emptyQueries: number; meanReturned: number }> {
  const client = new Meilisearch({ host: meili.url, apiKey: meili.apiKey, timeout: 30_000 });
  await client.createIndex(indexUid, { primaryKey: "id" }).waitTask({ timeout: 30_000 });
  const index = client.index<KeywordDoc>(indexUid);
  const settings = await index
    .updateSettings({
      searchableAttributes: ["name", "cercle", "region", "domainsFr", "domainsEn"],
      filterableAttributes: ["id"],
    })
    .waitTask({ timeout: 60_000 });
  if (settings.status !== "succeeded") throw new Error(`settings: ${settings.error?.message}`);
  const current = new Map<string, string>();
  const results: CaseResult[] = [];
  let emptyQueries = 0;
  let returnedTotal = 0;
  for (const c of cases) {
    const order = fixedOrder(c.keyword.docs.map((d) => d.id));
    const byId = new Map(c.keyword.docs.map((d) => [d.id, d]));
    const changed = order.map((id) => byId.get(id)!).filter((d) => current.get(d.id) !== JSON.stringify(d));
    if (changed.length > 0) {
      const task = await index.addDocuments(changed).waitTask({ timeout: 60_000 });
      if (task.status !== "succeeded") throw new Error(`indexing: ${task.error?.message}`);
      for (const d of changed) current.set(d.id, JSON.stringify(d));
    }
    if (c.keyword.query.trim() === "") emptyQueries++;
    const excl = c.keyword.excludeIds;
    const res = await index.search(c.keyword.query, {
      filter: excl.length > 0 ? `id NOT IN [${excl.map((x) => JSON.stringify(x)).join(", ")}]` : undefined,
      limit: c.candidates.length,
      matchingStrategy: "last",
      attributesToRetrieve: ["id"],
    });
    const returned = res.hits.map((h) => String(h.id));
    returnedTotal += returned.length;
    const seen = new Set(returned);
    const candidateIds = c.candidates.map((x) => x.id);
    const ranking = [...returned, ...order.filter((id) => !seen.has(id) && candidateIds.includes(id))];
    const pos = ranking.indexOf(c.hiddenId) + 1;
    if (pos === 0) throw new Error(`keyword baseline lost ${c.hiddenId} in ${c.id}`);
    results.push({ id: c.id, n: ranking.length, rank: [pos, pos], metrics: metricsForRankRange(pos, pos) });
  }
  await client.deleteIndex(indexUid).waitTask({ timeout: 30_000 });
  return {
    method: "Meilisearch keyword search",
    mean: meanMetrics(results.map((r) => r.metrics)),
    cases: results,
    emptyQueries,
    meanReturned: returnedTotal / Math.max(1, cases.length),
  };
}
