import type { ListFilter } from "./query-state.js";
import type { SearchDocument, SearchResult } from "./types.js";

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

/** API facet attribute behind each filter group. */
export const FACET_ATTRIBUTE: Record<ListFilter, string> = {
  region: "regionCode",
  cercle: "cercleCode",
  sector: "sectors",
  level: "level",
};

export type FacetOrder = "count" | "label" | "value";

/**
 * Options of one filter group: every value with a count, plus chosen values even when their
 * count fell to zero (so they can be unchecked).
 */
export function facetOptions(
  counts: Record<string, number> | undefined,
  selected: readonly string[],
  label: (value: string) => string,
  opts: { order?: FacetOrder; keep?: (value: string) => boolean } = {},
): FacetOption[] {
  const values = new Set([...Object.keys(counts ?? {}), ...selected]);
  const options = [...values]
    .filter((v) => selected.includes(v) || (opts.keep ? opts.keep(v) : true))
    .map((value) => ({
      value,
      label: label(value),
      count: counts?.[value] ?? 0,
      selected: selected.includes(value),
    }))
    .filter((o) => o.selected || o.count > 0);
  const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, "fr");
  switch (opts.order ?? "count") {
    case "label":
      return options.sort(byLabel);
    case "value":
      return options.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    default:
      return options.sort((a, b) => b.count - a.count || byLabel(a, b));
  }
}

/**
 * Merge the facet counts of disjunctive queries: a group in use takes its counts from the
 * query that left it out, the others from the main query.
 */
export function mergeFacets(
  main: SearchResult,
  byGroup: Partial<Record<ListFilter, SearchResult>>,
): Record<string, Record<string, number>> {
  const merged: Record<string, Record<string, number>> = { ...main.facets };
  for (const [group, result] of Object.entries(byGroup) as [ListFilter, SearchResult | undefined][]) {
    const attr = FACET_ATTRIBUTE[group];
    if (result?.facets[attr]) merged[attr] = result.facets[attr];
  }
  return merged;
}

/** Names of régions and cercles read from search hits, by P-code. */
export function placeNamesFromHits(hits: readonly SearchDocument[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const h of hits) {
    if (h.regionCode && h.regionName) names.set(h.regionCode, h.regionName);
    if (h.cercleCode && h.cercleName) names.set(h.cercleCode, h.cercleName);
  }
  return names;
}

/** Codes shown as facet options whose names are not known yet. */
export function missingPlaceCodes(codes: Iterable<string>, known: ReadonlyMap<string, string>): string[] {
  return [...new Set(codes)].filter((c) => /^ML\d{2,6}$/.test(c) && !known.has(c)).sort();
}

/** Cercles belong to the région whose P-code prefixes theirs (ML0107 is in ML01). */
export function cercleInRegions(cercle: string, regions: readonly string[]): boolean {
  return regions.some((r) => cercle.startsWith(r));
}
