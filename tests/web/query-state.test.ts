import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  clearFilters,
  emptySearchState,
  facetQueries,
  PAGE_SIZE,
  pageCount,
  pageWindow,
  parseSearchState,
  populationBandOf,
  serializeSearchState,
  setPopulationBand,
  toApiQuery,
  toggleFilter,
} from "../../web/src/lib/query-state.js";

describe("search state in the address bar", () => {
  it("round-trips through the query string", () => {
    const s = {
      ...emptySearchState(),
      q: "eau potable",
      region: ["ML01"],
      cercle: ["ML0107"],
      sector: ["water", "health"],
      level: ["commune"],
      populationMin: 10_000,
      populationMax: 49_999,
      sort: "population:desc" as const,
      page: 3,
    };
    const qs = serializeSearchState(s);
    expect(parseSearchState(qs)).toEqual(s);
    expect(serializeSearchState(parseSearchState(qs))).toBe(qs);
  });

  it("gives the default state an empty query string", () => {
    expect(serializeSearchState(emptySearchState())).toBe("");
    expect(parseSearchState("")).toEqual(emptySearchState());
  });

  it("drops malformed values instead of trusting them", () => {
    const s = parseSearchState(
      "?page=-2&populationMin=abc&sort=evil&region=ML01,,ML01,<script>&sector=water",
    );
    expect(s.page).toBe(1);
    expect(s.populationMin).toBeNull();
    expect(s.sort).toBe("relevance");
    expect(s.region).toEqual(["ML01"]);
    expect(s.sector).toEqual(["water"]);
  });
});

describe("toApiQuery and facetQueries", () => {
  it("asks for Malian planches, one page at a time", () => {
    const q = toApiQuery({ ...emptySearchState(), q: "Kayes", page: 2 });
    expect(q).toMatchObject({ side: "mali", q: "Kayes", limit: PAGE_SIZE, offset: PAGE_SIZE });
  });

  it("adds one facet-only query per filter group in use, without that group", () => {
    const s = { ...emptySearchState(), region: ["ML01"], sector: ["water"], page: 4 };
    const queries = facetQueries(s);
    expect(queries.map((x) => x.group)).toEqual([null, "region", "sector"]);
    const region = queries[1]!.query;
    expect(region.region).toBeUndefined();
    expect(region.sector).toEqual(["water"]);
    expect(region.limit).toBe(0);
    expect(region.offset).toBe(0);
    expect(queries[0]!.query.region).toEqual(["ML01"]);
  });

  it("issues a single query when no filter is used", () => {
    expect(facetQueries(emptySearchState())).toHaveLength(1);
  });
});

describe("filter changes", () => {
  it("toggles a value and goes back to page 1", () => {
    const s = { ...emptySearchState(), page: 5 };
    const on = toggleFilter(s, "sector", "water");
    expect(on.sector).toEqual(["water"]);
    expect(on.page).toBe(1);
    expect(toggleFilter(on, "sector", "water").sector).toEqual([]);
  });

  it("drops cercles of a région that is no longer chosen", () => {
    let s = toggleFilter(emptySearchState(), "region", "ML01");
    s = toggleFilter(s, "region", "ML02");
    s = toggleFilter(s, "cercle", "ML0107");
    s = toggleFilter(s, "cercle", "ML0201");
    s = toggleFilter(s, "region", "ML01");
    expect(s.cercle).toEqual(["ML0201"]);
    expect(toggleFilter(s, "region", "ML02").cercle).toEqual([]);
  });

  it("maps population presets both ways", () => {
    const s = setPopulationBand(emptySearchState(), "s");
    expect([s.populationMin, s.populationMax]).toEqual([10_000, 49_999]);
    expect(populationBandOf(s)).toBe("s");
    expect(populationBandOf({ ...s, populationMax: 12 })).toBe("custom");
    expect(populationBandOf(setPopulationBand(s, null))).toBe("any");
  });

  it("counts and clears active filters but keeps the text and the sort", () => {
    const s = {
      ...emptySearchState(),
      q: "eau",
      sort: "name:asc" as const,
      region: ["ML01"],
      populationMin: 5,
    };
    expect(activeFilterCount(s)).toBe(2);
    expect(clearFilters(s)).toEqual({ ...emptySearchState(), q: "eau", sort: "name:asc" });
  });
});

describe("pagination", () => {
  it("counts pages and shows a window with gaps", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(1, 4)).toEqual([1, 2, null, 4]);
  });
});
