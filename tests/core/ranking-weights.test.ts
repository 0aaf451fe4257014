import { describe, expect, it } from "vitest";
import { RANKING_WEIGHTS } from "../../search-config/ranking.js";

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

describe("ranking weights (search-config/ranking.ts)", () => {
  it("are pinned: a change must be deliberate and measured with npm run bench:quality", () => {
    expect(RANKING_WEIGHTS).toMatchInlineSnapshot(`
      {
        "domain": {
          "offered": 1,
          "priorityDecay": 0.5,
          "sought": 0.7,
          "textCeiling": 0.4,
        },
        "exposure": 0.15,
        "fitForMali": {
          "domain": 0.5,
          "experience": 0.15,
          "size": 0.15,
          "wishes": 0.2,
        },
        "fitForPartner": {
          "domain": 0.45,
          "region": 0.4,
          "size": 0.15,
        },
        "region": {
          "activeSameCercle": 0.7,
          "activeSameRegion": 0.45,
          "diasporaCercle": 1,
          "diasporaRegion": 0.7,
          "noPreference": 0.4,
          "preferredArea": 1,
        },
        "size": {
          "level": 0.6,
          "population": 0.4,
          "ratioScale": 10,
          "unknownPopulation": 0.5,
        },
      }
    `);
  });

  it("sum to 1 within each fit", () => {
    expect(sum(RANKING_WEIGHTS.fitForMali)).toBeCloseTo(1, 10);
    expect(sum(RANKING_WEIGHTS.fitForPartner)).toBeCloseTo(1, 10);
    expect(RANKING_WEIGHTS.size.level + RANKING_WEIGHTS.size.population).toBeCloseTo(1, 10);
  });
});
