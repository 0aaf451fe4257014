import { describe, expect, it } from "vitest";
import {
  facetOptions,
  mergeFacets,
  missingPlaceCodes,
  placeNamesFromHits,
} from "../../web/src/lib/facets.js";
import { excerpt, formatNumber, formatPercent, languageName } from "../../web/src/lib/format.js";
import { isInAppLink, matchRoute, pathFor, profilePath } from "../../web/src/lib/routes.js";
import type { SearchDocument, SearchResult } from "../../web/src/lib/types.js";

const result = (facets: SearchResult["facets"]): SearchResult => ({
  hits: [],
  total: 0,
  facets,
  limit: 0,
  offset: 0,
});

describe("facets", () => {
  it("lists values by count, keeps chosen values at zero, hides other zeros", () => {
    const options = facetOptions({ water: 3, health: 7, gender: 0 }, ["education"], (v) => v.toUpperCase());
    expect(options.map((o) => [o.value, o.count, o.selected])).toEqual([
      ["health", 7, false],
      ["water", 3, false],
      ["education", 0, true],
    ]);
    expect(options[0]?.label).toBe("HEALTH");
  });

  it("filters and orders by value when asked (régions in P-code order)", () => {
    const options = facetOptions({ ML0201: 1, ML0103: 2, ML0107: 1 }, [], (v) => v, {
      order: "value",
      keep: (v) => v.startsWith("ML01"),
    });
    expect(options.map((o) => o.value)).toEqual(["ML0103", "ML0107"]);
  });

  it("takes a group's counts from the query that left that group out", () => {
    const merged = mergeFacets(result({ regionCode: { ML01: 5 }, sectors: { water: 2 } }), {
      region: result({ regionCode: { ML01: 5, ML02: 4 }, sectors: { water: 9 } }),
    });
    expect(merged.regionCode).toEqual({ ML01: 5, ML02: 4 });
    expect(merged.sectors).toEqual({ water: 2 });
  });

  it("learns place names from hits and lists the unknown P-codes", () => {
    const hit = { regionCode: "ML01", regionName: "Kayes", cercleCode: "ML0107", cercleName: "Yélimané" };
    const names = placeNamesFromHits([hit as SearchDocument]);
    expect([...names]).toEqual([
      ["ML01", "Kayes"],
      ["ML0107", "Yélimané"],
    ]);
    expect(missingPlaceCodes(["ML01", "ML02", "ML02", "FR", "ML0107"], names)).toEqual(["ML02"]);
  });
});

describe("format", () => {
  it("formats numbers and shares per language", () => {
    expect(formatNumber(126319, "fr")).toBe("126\u00a0319");
    expect(formatNumber(126319, "en")).toBe("126,319");
    expect(formatPercent(0.6463, "fr")).toBe("65\u00a0%");
    expect(formatPercent(0.6463, "en")).toBe("65%");
    expect(formatPercent(1.7, "en")).toBe("100%");
    expect(formatPercent(Number.NaN, "en")).toBe("0%");
  });

  it("names Malian languages the browser may not know", () => {
    expect(languageName("snk", "fr")).toBe("soninké");
    expect(languageName("fr", "en")).toBe("French");
  });

  it("clips long text at a word", () => {
    expect(excerpt("court")).toBe("court");
    const long = excerpt("Lorem ipsum dolor sit amet, consectetur adipiscing elit", 30);
    expect(long.endsWith("…")).toBe(true);
    expect(long.length).toBeLessThanOrEqual(31);
  });
});

describe("routes", () => {
  it("matches every page, with and without a trailing slash", () => {
    expect(matchRoute("/")).toEqual({ name: "home" });
    expect(matchRoute("/recherche/")).toEqual({ name: "search" });
    expect(matchRoute("/planche/demo-mali-kayes-13")).toEqual({ name: "planche", id: "demo-mali-kayes-13" });
    expect(matchRoute("/partenaire/p1")).toEqual({ name: "partner", id: "p1" });
    expect(matchRoute("/profil/p1/correspondances")).toEqual({ name: "matches", id: "p1" });
    expect(matchRoute("/publier/planche")).toEqual({ name: "publish-planche" });
    expect(matchRoute("/publier/partenaire")).toEqual({ name: "publish-partner" });
    expect(matchRoute("/planche/../etc")).toEqual({ name: "not-found" });
    expect(matchRoute("/nope")).toEqual({ name: "not-found" });
  });

  it("builds the paths it matches", () => {
    for (const r of [
      { name: "search" },
      { name: "planche", id: "a" },
      { name: "matches", id: "b" },
      { name: "publish-planche" },
    ] as const) {
      expect(matchRoute(pathFor(r))).toEqual(r);
    }
    expect(profilePath("partner", "x")).toBe("/partenaire/x");
  });

  it("leaves modified clicks, other origins and server paths to the browser", () => {
    const here = new URL("http://h/recherche");
    const plain = { button: 0, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    const a = { target: "", download: false };
    expect(isInAppLink(new URL("http://h/planche/x"), here, plain, a)).toBe(true);
    expect(isInAppLink(new URL("http://h/planche/x"), here, { ...plain, ctrlKey: true }, a)).toBe(false);
    expect(isInAppLink(new URL("http://other/planche/x"), here, plain, a)).toBe(false);
    expect(isInAppLink(new URL("http://h/docs"), here, plain, a)).toBe(false);
    expect(isInAppLink(new URL("http://h/api/search"), here, plain, a)).toBe(false);
    expect(
      isInAppLink(new URL("http://h/planche/x"), here, plain, { target: "_blank", download: false }),
    ).toBe(false);
    expect(isInAppLink(new URL("http://h/recherche#filters"), here, plain, a)).toBe(false);
  });
});
