import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankCandidates, scorePair } from "../../src/core/ranking/rank.js";
import type { MaliSide, PartnerSide, RankingContext } from "../../src/core/ranking/types.js";
import { DOMAIN_CODES, type DomainCode } from "../../src/core/taxonomy.js";
import { RANKING_WEIGHTS } from "../../search-config/ranking.js";

const meta = {
  status: "published" as const,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  publishedAt: "2026-01-01T00:00:00.000Z",
  expiresAt: null,
  ownerId: null,
};

function mali(id: string, sectors: DomainCode[], over: Partial<MaliSide> = {}): MaliSide {
  return {
    ...meta,
    id,
    side: "mali",
    collectivite: {
      refCode: "ML010701",
      name: `Commune ${id}`,
      country: "ML",
      level: "commune",
      population: 20_000,
      regionCode: "ML01",
      regionName: "Kayes",
      cercleCode: "ML0107",
      cercleName: "Yélimané",
    },
    presentation: "",
    assets: "",
    languages: ["fr"],
    modalities: ["remote"],
    priorities: sectors.map((s) => ({ sector: s, aspect: `Améliorer ${s}`, actors: "" })),
    partnerSought: { countries: [], levels: [], size: "any", themes: [], modalities: [], description: "" },
    diaspora: [],
    currentPartners: [],
    ...over,
  };
}

function partner(id: string, offered: DomainCode[], over: Partial<PartnerSide> = {}): PartnerSide {
  return {
    ...meta,
    id,
    side: "partner",
    collectivite: { name: `Ville ${id}`, country: "FR", level: "commune", population: 30_000 },
    presentation: "",
    languages: ["fr"],
    modalities: ["remote"],
    themesSought: offered.length > 0 ? offered : ["culture"],
    expertiseOffered: offered,
    offerDescription: "",
    preferredAreas: [],
    sizePreference: "any",
    currentTies: [],
    diaspora: [],
    capacity: { budgetBand: "unknown", cofunding: false },
    ...over,
  };
}

function ctx(over: Partial<RankingContext> = {}): RankingContext {
  return {
    weights: RANKING_WEIGHTS,
    malianPartnerCount: new Map(),
    partnerTieCount: new Map(),
    partnerActiveAreas: new Map(),
    placeNames: new Map(),
    excludedPairs: new Map(),
    travelAdvice: new Map([
      ["Kayes", { zone: "rouge", label: "formellement déconseillé", asOf: "2025-11-07" }],
    ]),
    ...over,
  };
}

describe("reciprocal ranking", () => {
  it("ranks more domain overlap higher, all else equal", () => {
    const m = mali("m", ["water", "health", "education"]);
    const ranked = rankCandidates(
      m,
      [
        partner("one", ["water"]),
        partner("three", ["water", "health", "education"]),
        partner("none", ["energy"]),
      ],
      ctx(),
    );
    expect(ranked.map((r) => r.candidate.id)).toEqual(["three", "one", "none"]);
  });

  it("weighs the first PDESC priority more than a later one", () => {
    const m = mali("m", ["water", "health", "education", "culture"]);
    const first = scorePair(m, partner("a", ["water"]), ctx(), "mali");
    const last = scorePair(m, partner("b", ["culture"]), ctx(), "mali");
    expect(first.score).toBeGreaterThan(last.score);
  });

  it("ranks a pair one side would refuse below a mutual fit", () => {
    const m = mali("m", ["water", "health"]);
    // Offers everything the planche needs but wants to work on culture only, elsewhere.
    const oneSided = partner("one-sided", ["water", "health"], {
      themesSought: ["culture"],
      preferredAreas: ["ML07"],
    });
    const mutual = partner("mutual", ["water"], { themesSought: ["water"], preferredAreas: ["ML01"] });
    const [a, b] = rankCandidates(m, [oneSided, mutual], ctx());
    expect(a?.candidate.id).toBe("mutual");
    expect(b?.result.factors.fitForPartner).toBeLessThan(b?.result.factors.fitForMali ?? 0);
  });

  it("uses diaspora ties, preferred areas and nearby activity for the region factor", () => {
    const m = mali("m", ["water"]);
    const plain = scorePair(m, partner("p", ["water"], { preferredAreas: ["ML07"] }), ctx(), "mali");
    const diaspora = scorePair(
      m,
      partner("d", ["water"], {
        preferredAreas: ["ML07"],
        diaspora: [{ originCode: "ML0107", association: "" }],
      }),
      ctx(),
      "mali",
    );
    const nearby = scorePair(
      m,
      partner("n", ["water"], { preferredAreas: ["ML07"] }),
      ctx({
        partnerActiveAreas: new Map([["n", ["ML010702"]]]),
        placeNames: new Map([["ML010702", "Gory"]]),
      }),
      "mali",
    );
    expect(diaspora.factors.region).toBeGreaterThan(plain.factors.region);
    expect(nearby.factors.region).toBeGreaterThan(plain.factors.region);
    expect(diaspora.explanation.map((e) => e.fr).join(" ")).toMatch(/ressortissants de Yélimané/);
    expect(nearby.explanation.map((e) => e.fr).join(" ")).toMatch(/déjà active à Gory/);
  });

  it("prefers same-level pairs and similar sizes, softly", () => {
    const m = mali("m", ["water"]);
    const commune = scorePair(m, partner("c", ["water"]), ctx(), "mali");
    const region = scorePair(
      m,
      partner("r", ["water"], {
        collectivite: { name: "Région", country: "FR", level: "region", population: 6_000_000 },
      }),
      ctx(),
      "mali",
    );
    expect(commune.factors.size).toBeGreaterThan(region.factors.size);
    expect(region.score).toBeGreaterThan(0);
    expect(commune.explanation.some((e) => e.fr === "Même niveau : commune – commune.")).toBe(true);
  });

  it("gives exposure to Malian collectivités with no partner", () => {
    const fresh = mali("fresh", ["water"]);
    const busy = mali("busy", ["water"]);
    const p = partner("p", ["water"]);
    const ranked = rankCandidates(p, [busy, fresh], ctx({ malianPartnerCount: new Map([["busy", 5]]) }));
    expect(ranked.map((r) => r.candidate.id)).toEqual(["fresh", "busy"]);
  });

  it("never proposes an already partnered or declined pair", () => {
    const m = mali("m", ["water"]);
    const ranked = rankCandidates(
      m,
      [partner("tied", ["water"]), partner("declined", ["water"]), partner("free", ["health"])],
      ctx({
        excludedPairs: new Map([
          ["m|tied", "partnered"],
          ["m|declined", "declined"],
        ]),
      }),
    );
    expect(ranked.map((r) => r.candidate.id)).toEqual(["free"]);
  });

  it("explains in French and English and shows travel advice as context, not as an exclusion", () => {
    const r = scorePair(mali("m", ["water", "health"]), partner("p", ["water", "health"]), ctx(), "mali");
    const fr = r.explanation.map((e) => e.fr);
    expect(fr[0]).toBe(
      "Vos priorités eau et assainissement et santé correspondent à l'expertise offerte par Ville p.",
    );
    expect(r.explanation.every((e) => e.en.length > 0 && e.en !== e.fr)).toBe(true);
    expect(r.explanation.some((e) => e.factor === "context" && /rouge|déconseillé/.test(e.fr))).toBe(true);
    expect(r.score).toBeGreaterThan(0.5);
  });
});

const sectorsArb = fc.uniqueArray(fc.constantFrom(...DOMAIN_CODES), { minLength: 1, maxLength: 5 });
const popArb = fc.option(fc.integer({ min: 100, max: 5_000_000 }), { nil: undefined });
const maliArb = fc
  .record({ id: fc.uuid(), sectors: sectorsArb, pop: popArb, partners: fc.integer({ min: 0, max: 6 }) })
  .map((r) => ({
    profile: mali(r.id, r.sectors, {
      collectivite: { ...mali("x", []).collectivite, population: r.pop },
    }),
    partners: r.partners,
  }));
const partnerArb = fc
  .record({
    id: fc.uuid(),
    offered: fc.uniqueArray(fc.constantFrom(...DOMAIN_CODES), { maxLength: 4 }),
    sought: sectorsArb,
    level: fc.constantFrom("commune", "epci", "departement", "region", "other" as const),
    pop: popArb,
    areas: fc.uniqueArray(fc.constantFrom("ML01", "ML02", "ML0107", "ML04"), { maxLength: 2 }),
  })
  .map((r) =>
    partner(r.id, r.offered, {
      themesSought: r.sought,
      preferredAreas: r.areas,
      collectivite: { name: `P ${r.id}`, country: "FR", level: r.level, population: r.pop },
    }),
  );

describe("ranking properties (fast-check)", () => {
  it("keeps every score and factor in [0, 1]", () => {
    fc.assert(
      fc.property(maliArb, partnerArb, (m, p) => {
        const r = scorePair(
          m.profile,
          p,
          ctx({ malianPartnerCount: new Map([[m.profile.id, m.partners]]) }),
          "mali",
        );
        for (const v of [r.score, ...Object.values(r.factors)]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("does not depend on the order of the candidates", () => {
    fc.assert(
      fc.property(
        maliArb,
        fc.uniqueArray(partnerArb, { minLength: 2, maxLength: 12, selector: (p) => p.id }),
        fc.infiniteStream(fc.nat()),
        (m, ps, seeds) => {
          const shuffled = [...ps];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (seeds.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const a = rankCandidates(m.profile, ps, ctx(), 50).map((r) => [r.candidate.id, r.result.score]);
          const b = rankCandidates(m.profile, shuffled, ctx(), 50).map((r) => [
            r.candidate.id,
            r.result.score,
          ]);
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it("is symmetric: a pair scores the same from either side", () => {
    fc.assert(
      fc.property(maliArb, partnerArb, (m, p) => {
        const fromMali = scorePair(m.profile, p, ctx(), "mali");
        const fromPartner = scorePair(m.profile, p, ctx(), "partner");
        expect(fromPartner.score).toBe(fromMali.score);
        expect(fromPartner.factors).toEqual(fromMali.factors);
      }),
    );
  });

  it("never scores a candidate higher by removing a shared sector from its offer", () => {
    fc.assert(
      fc.property(maliArb, partnerArb, (m, p) => {
        const shared = p.expertiseOffered.filter((s) => m.profile.priorities.some((x) => x.sector === s));
        fc.pre(shared.length > 0);
        const fewer = { ...p, expertiseOffered: p.expertiseOffered.filter((s) => s !== shared[0]) };
        const full = scorePair(m.profile, p, ctx(), "mali").factors.fitForMali;
        const reduced = scorePair(m.profile, fewer, ctx(), "mali").factors.fitForMali;
        expect(reduced).toBeLessThanOrEqual(full);
      }),
    );
  });
});
