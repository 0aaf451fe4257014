import { html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { getLang, t } from "../../i18n/index.js";
import { ApiError, isAbort, type Problem } from "../../lib/api.js";
import {
  cercleInRegions,
  FACET_ATTRIBUTE,
  facetOptions,
  type FacetOrder,
  mergeFacets,
  missingPlaceCodes,
  placeNamesFromHits,
} from "../../lib/facets.js";
import { formatNumber } from "../../lib/format.js";
import {
  activeFilterCount,
  clearFilters,
  facetQueries,
  type ListFilter,
  PAGE_SIZE,
  POPULATION_BANDS,
  type PopulationBandId,
  pageCount,
  parseSearchState,
  populationBandOf,
  type SearchSort,
  type SearchState,
  serializeSearchState,
  setPopulationBand,
  toggleFilter,
} from "../../lib/query-state.js";
import type { SearchResult } from "../../lib/types.js";
import { navigate } from "../../router.js";
import { BapElement } from "../../state/app-controller.js";
import {
  api,
  knownPlaces,
  placeName,
  rememberPlaces,
  resolvePlaces,
  sectorLabel,
} from "../../state/app-state.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import { levelLabel } from "../../view/labels.js";
import { problemText } from "../../view/problem-text.js";
import "../bap-pagination/bap-pagination.js";
import "../bap-result-card/bap-result-card.js";
import { searchStyles } from "./bap-search.styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-search": BapSearch;
  }
}

const SORT_LABELS: Record<SearchSort, Parameters<typeof t>[0]> = {
  relevance: "search.sort.relevance",
  "name:asc": "search.sort.name",
  "population:asc": "search.sort.populationAsc",
  "population:desc": "search.sort.populationDesc",
  "updatedAt:desc": "search.sort.recent",
};

/**
 * Journey 2: a partner searches the planches. The address bar holds the whole state
 * (text, filters, sort, page), so a search can be shared, bookmarked and reloaded.
 */
@customElement("bap-search")
export class BapSearch extends BapElement {
  static override styles = [baseStyles, formStyles, searchStyles];

  /** The query string of the page ("?q=Kayes&region=ML01"). */
  @property({ attribute: false }) query = "";

  @state() private s: SearchState = parseSearchState("");
  @state() private text = "";
  @state() private result: SearchResult | null = null;
  @state() private facets: Record<string, Record<string, number>> = {};
  @state() private loading = false;
  @state() private problem: Problem | null = null;
  @state() private filtersOpen = false;
  private controller: AbortController | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("query")) {
      this.s = parseSearchState(this.query);
      this.text = this.s.q;
      void this.run(this.s);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private async run(s: SearchState): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.loading = true;
    this.problem = null;
    try {
      const queries = facetQueries(s);
      const results = await Promise.all(
        queries.map((q) => api.search(q.query, { signal: controller.signal })),
      );
      const main = results[0]!;
      const byGroup: Partial<Record<ListFilter, SearchResult>> = {};
      queries.forEach((q, i) => {
        if (q.group) byGroup[q.group] = results[i];
      });
      this.result = main;
      this.facets = mergeFacets(main, byGroup);
      rememberPlaces(placeNamesFromHits(main.hits));
      const cercles = Object.keys(this.facets.cercleCode ?? {}).filter((c) => cercleInRegions(c, s.region));
      void resolvePlaces(
        missingPlaceCodes(
          [...Object.keys(this.facets.regionCode ?? {}), ...cercles, ...s.region, ...s.cercle],
          knownPlaces(),
        ),
      );
    } catch (err) {
      if (isAbort(err)) return;
      this.problem = err instanceof ApiError ? err.problem : null;
      this.result = null;
      if (!(err instanceof ApiError)) throw err;
    } finally {
      if (this.controller === controller) this.loading = false;
    }
  }

  private go(next: SearchState): void {
    navigate(`/recherche${serializeSearchState(next)}`);
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    this.go({ ...this.s, q: this.text.trim(), page: 1 });
  }

  private renderFacet(group: ListFilter, legend: string, label: (v: string) => string, order: FacetOrder) {
    const counts = this.facets[FACET_ATTRIBUTE[group]];
    const keep = group === "cercle" ? (v: string) => cercleInRegions(v, this.s.region) : undefined;
    const options = facetOptions(counts, this.s[group], label, { order, keep });
    if (options.length === 0) return nothing;
    return html`<fieldset>
      <legend>${legend}</legend>
      <div class="choices">
        ${options.map(
          (o) => html`<label class="choice">
            <input
              type="checkbox"
              name=${group}
              .value=${o.value}
              .checked=${o.selected}
              @change=${() => this.go(toggleFilter(this.s, group, o.value))}
            />
            <span>${o.label}</span>
            <span class="count" aria-hidden="true">${formatNumber(o.count, getLang())}</span>
            <span class="visually-hidden">${t("search.facet.count", { count: o.count })}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderPopulation() {
    const band = populationBandOf(this.s);
    const choose = (id: PopulationBandId | null) => this.go(setPopulationBand(this.s, id));
    const radio = (id: PopulationBandId | "any", label: string) => html`<label class="choice">
      <input
        type="radio"
        name="population"
        .checked=${band === id}
        @change=${() => choose(id === "any" ? null : id)}
      />
      <span>${label}</span>
    </label>`;
    const lang = getLang();
    return html`<fieldset>
      <legend>${t("search.facet.population")}</legend>
      <div class="choices">
        ${radio("any", t("search.population.any"))}
        ${POPULATION_BANDS.map((b) => radio(b.id, t(`search.population.${b.id}`)))}
        ${
          band === "custom"
            ? html`<p class="hint">
              ${t("search.population.custom", {
                min: formatNumber(this.s.populationMin ?? 0, lang),
                max: this.s.populationMax === null ? "∞" : formatNumber(this.s.populationMax, lang),
              })}
            </p>`
            : nothing
        }
      </div>
    </fieldset>`;
  }

  private renderFilters() {
    const active = activeFilterCount(this.s);
    const place = (code: string) => placeName(code) ?? code;
    return html`<section
      class="filters"
      id="filters"
      aria-labelledby="filters-title"
      data-open=${this.filtersOpen ? "true" : "false"}
    >
      <h2 id="filters-title">${t("search.filters.title")}</h2>
      ${
        active > 0
          ? html`<p>
            <button class="link-button" type="button" @click=${() => this.go(clearFilters(this.s))}>
              ${t("search.filters.clear")}
            </button>
          </p>`
          : nothing
      }
      ${this.renderFacet("region", t("search.facet.region"), place, "value")}
      ${this.s.region.length > 0 ? this.renderFacet("cercle", t("search.facet.cercle"), place, "label") : nothing}
      ${this.renderFacet("sector", t("search.facet.sector"), (c) => sectorLabel(c), "count")}
      ${this.renderFacet("level", t("search.facet.level"), levelLabel, "count")}
      ${this.renderPopulation()}
    </section>`;
  }

  private statusText(): string {
    if (this.loading) return t("search.status.loading");
    if (this.problem) return `${t("search.status.error")} ${problemText(this.problem)}`;
    const total = this.result?.total ?? 0;
    if (!this.result) return "";
    if (total === 0) return `${t("search.status.none")} ${t("search.status.noneHint")}`;
    return total === 1
      ? t("search.status.one")
      : t("search.status.many", { count: formatNumber(total, getLang()) });
  }

  override render() {
    const active = activeFilterCount(this.s);
    const r = this.result;
    const pages = pageCount(r?.total ?? 0, PAGE_SIZE);
    return html`
      <h1>${t("search.title")}</h1>
      <p class="lead">${t("search.lead")}</p>
      <form class="searchbar" role="search" @submit=${this.submit}>
        <div class="field">
          <label for="q">${t("search.q.label")}</label>
          <input
            id="q"
            type="search"
            name="q"
            autocomplete="off"
            aria-describedby="q-hint"
            .value=${this.text}
            @input=${(e: InputEvent) => {
              this.text = (e.target as HTMLInputElement).value;
            }}
          />
          <p class="hint" id="q-hint">${t("search.q.hint")}</p>
        </div>
        <button class="button" type="submit">${t("search.submit")}</button>
      </form>
      <div class="layout">
        <button
          class="button secondary filters-toggle"
          type="button"
          aria-expanded=${this.filtersOpen ? "true" : "false"}
          aria-controls="filters"
          @click=${() => {
            this.filtersOpen = !this.filtersOpen;
          }}
        >
          ${this.filtersOpen ? t("search.filters.hide") : t("search.filters.show")}
          ${active > 0 ? html`(${t("search.filters.active", { count: active })})` : nothing}
        </button>
        ${this.renderFilters()}
        <section aria-labelledby="results-title">
          <h2 id="results-title" class="visually-hidden">${t("search.results.label")}</h2>
          <div class="toolbar">
            <p class="status" role="status">${this.statusText()}</p>
            <div class="sort">
              <label for="sort">${t("search.sort.label")}</label>
              <select
                id="sort"
                @change=${(e: Event) =>
                  this.go({ ...this.s, sort: (e.target as HTMLSelectElement).value as SearchSort, page: 1 })}
              >
                ${(Object.keys(SORT_LABELS) as SearchSort[]).map(
                  (k) =>
                    html`<option value=${k} ?selected=${this.s.sort === k}>${t(SORT_LABELS[k])}</option>`,
                )}
              </select>
            </div>
          </div>
          ${
            r && r.hits.length > 0
              ? html`<ul class="results" aria-busy=${this.loading ? "true" : "false"}>
                ${r.hits.map((hit) => html`<li><bap-result-card .hit=${hit}></bap-result-card></li>`)}
              </ul>`
              : nothing
          }
          <bap-pagination
            .page=${this.s.page}
            .pages=${pages}
            .href=${(p: number) => `/recherche${serializeSearchState({ ...this.s, page: p })}`}
          ></bap-pagination>
        </section>
      </div>
    `;
  }
}
