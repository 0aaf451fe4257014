import { SEARCH_SORTS } from "./domain.js";
import type { QueryValue } from "./api.js";

/** Everything the search page shows, as it is kept in the address bar (shareable, survives reload). */
export interface SearchState {
  q: string;
  region: string[];
  cercle: string[];
  sector: string[];
  level: string[];
  populationMin: number | null;
  populationMax: number | null;
  sort: SearchSort;
  page: number;
}

export { SEARCH_SORTS };
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const PAGE_SIZE = 12;
const MAX_PAGE = Math.floor(10_000 / PAGE_SIZE);

/** Multi-value filters, combined with OR inside a group and AND across groups by the API. */
export const LIST_FILTERS = ["region", "cercle", "sector", "level"] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** Population presets offered as radio buttons; any other range still works from a URL. */
export const POPULATION_BANDS = [
  { id: "xs", min: null, max: 9_999 },
  { id: "s", min: 10_000, max: 49_999 },
  { id: "m", min: 50_000, max: 199_999 },
  { id: "l", min: 200_000, max: null },
] as const;
export type PopulationBandId = (typeof POPULATION_BANDS)[number]["id"];

export const emptySearchState = (): SearchState => ({
  q: "",
  region: [],
  cercle: [],
  sector: [],
  level: [],
  populationMin: null,
  populationMax: null,
  sort: "relevance",
  page: 1,
});

const CODE = /^[A-Za-z0-9_:-]{1,20}$/;

function list(value: string | null): string[] {
  if (!value) return [];
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => CODE.test(s));
  return [...new Set(items)].slice(0, 50);
}

function count(value: string | null): number | null {
  if (value === null || value.trim() === "") return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** Read the state from a query string; anything malformed is dropped rather than trusted. */
export function parseSearchState(input: string | URLSearchParams): SearchState {
  const p = typeof input === "string" ? new URLSearchParams(input) : input;
  const sort = p.get("sort");
  const page = count(p.get("page"));
  return {
    q: (p.get("q") ?? "").trim().slice(0, 200),
    region: list(p.get("region")),
    cercle: list(p.get("cercle")),
    sector: list(p.get("sector")),
    level: list(p.get("level")),
    populationMin: count(p.get("populationMin")),
    populationMax: count(p.get("populationMax")),
    sort: SEARCH_SORTS.includes(sort as SearchSort) ? (sort as SearchSort) : "relevance",
    page: page && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The canonical query string of a state ("" for the default state), in a stable key order. */
export function serializeSearchState(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  for (const key of LIST_FILTERS) if (s[key].length > 0) p.set(key, s[key].join(","));
  if (s.populationMin !== null) p.set("populationMin", String(s.populationMin));
  if (s.populationMax !== null) p.set("populationMax", String(s.populationMax));
  if (s.sort !== "relevance") p.set("sort", s.sort);
  if (s.page > 1) p.set("page", String(s.page));
  const out = p.toString();
  return out ? `?${out}` : "";
}

/** The parameters of GET /api/search for a state (the Malian side: planches). */
export function toApiQuery(
  s: SearchState,
  opts: { without?: ListFilter; limit?: number } = {},
): Record<string, QueryValue> {
  const limit = opts.limit ?? PAGE_SIZE;
  return {
    side: "mali",
    q: s.q,
    region: opts.without === "region" ? undefined : s.region,
    // The cercles of a région only make sense while that région is chosen.
    cercle: opts.without === "cercle" ? undefined : s.cercle,
    sector: opts.without === "sector" ? undefined : s.sector,
    level: opts.without === "level" ? undefined : s.level,
    populationMin: s.populationMin ?? undefined,
    populationMax: s.populationMax ?? undefined,
    sort: s.sort === "relevance" ? undefined : s.sort,
    limit,
    offset: limit === 0 ? 0 : (s.page - 1) * limit,
  };
}

/**
 * The requests behind one result page: the page itself, and for each filter group in use
 * the same search without that group and no hits, so that its other values keep their counts
 * (disjunctive facets: choosing Kayes must not hide Koulikoro).
 */
export function facetQueries(
  s: SearchState,
): { group: ListFilter | null; query: Record<string, QueryValue> }[] {
  const main = { group: null, query: toApiQuery(s) };
  const extra = LIST_FILTERS.filter((g) => s[g].length > 0).map((g) => ({
    group: g,
    query: toApiQuery({ ...s, page: 1 }, { without: g, limit: 0 }),
  }));
  return [main, ...extra];
}

/** A new state with one value of a group switched; any filter change goes back to page 1. */
export function toggleFilter(s: SearchState, group: ListFilter, value: string): SearchState {
  const has = s[group].includes(value);
  const next = { ...s, [group]: has ? s[group].filter((v) => v !== value) : [...s[group], value], page: 1 };
  if (group === "region") {
    // Drop cercles that no longer belong to a chosen région (cercle P-codes start with theirs).
    next.cercle =
      next.region.length === 0 ? [] : next.cercle.filter((c) => next.region.some((r) => c.startsWith(r)));
  }
  return next;
}

export function setPopulationBand(s: SearchState, band: PopulationBandId | null): SearchState {
  const b = POPULATION_BANDS.find((x) => x.id === band);
  return { ...s, populationMin: b?.min ?? null, populationMax: b?.max ?? null, page: 1 };
}

export function populationBandOf(s: SearchState): PopulationBandId | "any" | "custom" {
  if (s.populationMin === null && s.populationMax === null) return "any";
  const b = POPULATION_BANDS.find((x) => x.min === s.populationMin && x.max === s.populationMax);
  return b ? b.id : "custom";
}

export function activeFilterCount(s: SearchState): number {
  return (
    LIST_FILTERS.reduce((n, g) => n + s[g].length, 0) +
    (s.populationMin !== null || s.populationMax !== null ? 1 : 0)
  );
}

export function clearFilters(s: SearchState): SearchState {
  return { ...emptySearchState(), q: s.q, sort: s.sort };
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Page numbers to show around the current one; null marks a gap ("…"). */
export function pageWindow(page: number, pages: number, radius = 1): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= radius) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}
