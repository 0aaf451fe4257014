import { explain } from "./explain.js";
import {
  domainMatch,
  experienceOf,
  exposureOf,
  harmonic,
  regionMatch,
  sizeMatch,
  wishesMatch,
} from "./factors.js";
import { type MaliSide, type PairScore, type PartnerSide, type RankingContext, pairKey } from "./types.js";

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Score one (planche, partner) pair, seen by `viewer`. Pure: same inputs, same output.
 * Each side's fit with the other's wishes is scored on its own; the harmonic mean of the
 * two keeps a match one side would refuse from ranking high.
 */
export function scorePair(
  m: MaliSide,
  p: PartnerSide,
  ctx: RankingContext,
  viewer: "mali" | "partner",
): PairScore {
  const w = ctx.weights;
  const domain = domainMatch(m, p, w.domain);
  const region = regionMatch(m, p, ctx);
  const size = sizeMatch(m, p, w.size);
  const wishes = wishesMatch(m, p);
  const malianPartners = ctx.malianPartnerCount.get(m.id) ?? 0;
  const partnerTies = ctx.partnerTieCount.get(p.id) ?? 0;
  const experience = experienceOf(partnerTies);
  const exposure = exposureOf(malianPartners);

  const fitForMali =
    w.fitForMali.domain * domain.forMali +
    w.fitForMali.wishes * wishes +
    w.fitForMali.size * size.score +
    w.fitForMali.experience * experience;
  const fitForPartner =
    w.fitForPartner.domain * domain.forPartner +
    w.fitForPartner.region * region.score +
    w.fitForPartner.size * size.score;
  const reciprocal = harmonic(fitForMali, fitForPartner);
  const score = reciprocal * (1 - w.exposure + w.exposure * exposure);
  const excluded = ctx.excludedPairs.get(pairKey(m.id, p.id)) ?? null;

  return {
    maliId: m.id,
    partnerId: p.id,
    score: excluded ? 0 : round(score),
    factors: {
      domain: round((domain.forMali + domain.forPartner) / 2),
      region: round(region.score),
      size: round(size.score),
      ties: round((exposure + experience) / 2),
      wishes: round(wishes),
      fitForMali: round(fitForMali),
      fitForPartner: round(fitForPartner),
      reciprocity: round(
        Math.max(fitForMali, fitForPartner) === 0
          ? 0
          : Math.min(fitForMali, fitForPartner) / Math.max(fitForMali, fitForPartner),
      ),
    },
    explanation: explain({
      viewer,
      m,
      p,
      domain,
      region,
      size,
      malianPartners,
      partnerTies,
      fitForMali,
      fitForPartner,
      ctx,
    }),
    excluded,
  };
}

export interface RankedCandidate<T> {
  candidate: T;
  result: PairScore;
}

/**
 * Rank candidates of the other side for one profile. Excluded pairs (already partnered or
 * declined) are dropped. Ties in score break on the candidate's id, so the input order
 * never changes the output.
 */
export function rankCandidates<T extends MaliSide | PartnerSide>(
  subject: MaliSide | PartnerSide,
  candidates: readonly T[],
  ctx: RankingContext,
  limit = 20,
): RankedCandidate<T>[] {
  const scored: RankedCandidate<T>[] = [];
  for (const c of candidates) {
    if (c.side === subject.side || c.id === subject.id) continue;
    const result =
      subject.side === "mali"
        ? scorePair(subject, c as PartnerSide, ctx, "mali")
        : scorePair(c as MaliSide, subject as PartnerSide, ctx, "partner");
    if (result.excluded) continue;
    scored.push({ candidate: c, result });
  }
  scored.sort(
    (a, b) =>
      b.result.score - a.result.score ||
      (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
  );
  return scored.slice(0, limit);
}
