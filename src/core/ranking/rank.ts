import { type ExplainInput, explain } from "./explain.js";
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

interface Scored {
  result: Omit<PairScore, "explanation">;
  parts: Omit<ExplainInput, "viewer" | "ctx">;
}

/** Everything but the sentences: cheap enough to run on every candidate. */
function score(m: MaliSide, p: PartnerSide, ctx: RankingContext): Scored {
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
  const total = reciprocal * (1 - w.exposure + w.exposure * exposure);
  const excluded = ctx.excludedPairs.get(pairKey(m.id, p.id)) ?? null;
  const high = Math.max(fitForMali, fitForPartner);

  return {
    result: {
      maliId: m.id,
      partnerId: p.id,
      score: excluded ? 0 : round(total),
      factors: {
        domain: round((domain.forMali + domain.forPartner) / 2),
        region: round(region.score),
        size: round(size.score),
        ties: round((exposure + experience) / 2),
        wishes: round(wishes),
        fitForMali: round(fitForMali),
        fitForPartner: round(fitForPartner),
        reciprocity: round(high === 0 ? 0 : Math.min(fitForMali, fitForPartner) / high),
      },
      excluded,
    },
    parts: { m, p, domain, region, size, malianPartners, partnerTies, fitForMali, fitForPartner },
  };
}

const explained = (s: Scored, ctx: RankingContext, viewer: "mali" | "partner"): PairScore => ({
  ...s.result,
  explanation: explain({ ...s.parts, viewer, ctx }),
});

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
  return explained(score(m, p, ctx), ctx, viewer);
}

export interface RankedCandidate<T> {
  candidate: T;
  result: PairScore;
}

/**
 * A stable, well-spread number per (subject, candidate): equal scores then break in an order
 * that differs from one subject to the next, instead of always favouring the same ids.
 */
function tieBreak(subjectId: string, candidateId: string): number {
  let h = 0x811c9dc5;
  const s = `${subjectId}|${candidateId}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Rank candidates of the other side for one profile. Excluded pairs (already partnered or
 * declined) are dropped. Equal scores break on a hash of the pair, then on the id, so the
 * input order never changes the output. Only the returned candidates are explained.
 */
export function rankCandidates<T extends MaliSide | PartnerSide>(
  subject: MaliSide | PartnerSide,
  candidates: readonly T[],
  ctx: RankingContext,
  limit = 20,
): RankedCandidate<T>[] {
  const viewer = subject.side;
  const scored: { candidate: T; s: Scored; tb: number }[] = [];
  for (const c of candidates) {
    if (c.side === subject.side || c.id === subject.id) continue;
    const s =
      subject.side === "mali"
        ? score(subject, c as PartnerSide, ctx)
        : score(c as MaliSide, subject as PartnerSide, ctx);
    if (s.result.excluded) continue;
    scored.push({ candidate: c, s, tb: tieBreak(subject.id, c.id) });
  }
  scored.sort(
    (a, b) =>
      b.s.result.score - a.s.result.score ||
      a.tb - b.tb ||
      (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
  );
  return scored.slice(0, limit).map((x) => ({ candidate: x.candidate, result: explained(x.s, ctx, viewer) }));
}
