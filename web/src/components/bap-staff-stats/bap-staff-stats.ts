import { css, html, nothing, type TemplateResult } from "lit";
import { customElement } from "lit/decorators.js";
import { type ConsoleKey, ct } from "../../i18n/console/index.js";
import { getLang } from "../../i18n/index.js";
import { PHASES } from "../../lib/board.js";
import { staffApi } from "../../lib/console-api.js";
import type { Stats } from "../../lib/console-types.js";
import { formatNumber, formatPercent } from "../../lib/format.js";
import { BapElement } from "../../state/app-controller.js";
import { api, loadTaxonomy, sectorLabel } from "../../state/app-state.js";
import { LoadTask } from "../../state/load-task.js";
import { consoleStyles } from "../../styles/console.styles.js";
import { tableStyles } from "../../styles/table.styles.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { barChart, gauge, regionMap, SERIES_COLORS } from "../../view/charts.js";
import "../bap-chart/bap-chart.js";
import { panelHead } from "../bap-staff/panel.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-staff-stats": BapStaffStats;
  }
}

const staff = staffApi(api);
/** A chart drawn for the width it gets (see bap-chart). */
const chart = (draw: (width: number) => TemplateResult) => html`<bap-chart .draw=${draw}></bap-chart>`;

/** Statistics: totals, a map of the régions, bars by région, sector and phase, unmet needs, coverage. */
@customElement("bap-staff-stats")
export class BapStaffStats extends BapElement {
  static override styles = [
    baseStyles,
    consoleStyles,
    tableStyles,
    css`
      .totals {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
        gap: 0.5rem;
        margin: 0 0 1rem;
      }
      .totals div {
        background: var(--bap-surface);
        border: 1px solid var(--bap-border);
        border-top: 4px solid var(--bap-primary);
        border-radius: var(--bap-radius);
        padding: 0.5rem 0.75rem;
      }
      .totals dt {
        color: var(--bap-muted);
        font-weight: 600;
        font-size: 0.92rem;
      }
      .totals dd {
        margin: 0;
        font-size: 1.8rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .grid {
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
        align-items: start;
      }
      .grid-col {
        display: grid;
        gap: 1rem;
        min-width: 0;
      }
      .unmet ul {
        margin: 0;
        padding-left: 1.2rem;
      }
    `,
  ];

  private readonly task = new LoadTask<Stats>(this, (signal) => staff.stats({ signal }));

  override connectedCallback(): void {
    super.connectedCallback();
    void this.task.run();
    loadTaxonomy().catch(() => {
      // sector codes show until the taxonomy can be read
    });
  }

  private renderStats(s: Stats) {
    const lang = getLang();
    const regions = [...s.byRegion].sort((a, b) => a.code.localeCompare(b.code));
    const sectors = s.bySector
      .filter((x) => x.needs > 0 || x.offers > 0)
      .sort((a, b) => b.needs - a.needs || b.offers - a.offers || a.sector.localeCompare(b.sector));
    const phaseRows = PHASES.filter((p) => (s.introductionsByPhase[p] ?? 0) > 0).map((p) => ({
      label: ct(`phase.${p}` as ConsoleKey),
      values: [s.introductionsByPhase[p] ?? 0],
    }));
    const feedbackRows = ["1", "2", "3", "4", "5"]
      .filter((k) => (s.feedback[k] ?? 0) > 0)
      .map((k) => ({ label: ct(`stats.feedback.${k}` as ConsoleKey), values: [s.feedback[k] ?? 0] }));
    const totals: [ConsoleKey, number][] = [
      ["stats.total.planches", s.totals.planches],
      ["stats.total.partners", s.totals.partners],
      ["stats.total.introductions", s.totals.introductions],
    ];
    return html`
      <dl class="totals" aria-label=${ct("stats.totals")}>
        ${totals.map(([k, v]) => html`<div><dt>${ct(k)}</dt><dd>${formatNumber(v, lang)}</dd></div>`)}
      </dl>
      <div class="grid">
        ${chart((width) =>
          regionMap({
            id: "map",
            width,
            title: ct("stats.map.title"),
            desc: ct("stats.map.desc"),
            legendTitle: ct("stats.map.legend"),
            source: ct("stats.map.source"),
            regions: regions.map((r) => ({
              code: r.code,
              name: r.name,
              lat: r.lat,
              lon: r.lon,
              value: r.planches,
              second: r.partnersInterested,
            })),
            tableHead: [ct("stats.col.region"), ct("stats.series.planches"), ct("stats.series.partners")],
          }),
        )}
        ${chart((width) =>
          barChart({
            id: "regions",
            width,
            title: ct("stats.regions.title"),
            desc: ct("stats.regions.desc"),
            rowHeader: ct("stats.col.region"),
            series: [
              { name: ct("stats.series.planches"), color: SERIES_COLORS[0] },
              { name: ct("stats.series.partners"), color: SERIES_COLORS[1] },
            ],
            rows: regions.map((r) => ({ label: r.name, values: [r.planches, r.partnersInterested] })),
          }),
        )}
        ${chart((width) =>
          barChart({
            id: "sectors",
            width,
            title: ct("stats.sectors.title"),
            desc: ct("stats.sectors.desc"),
            rowHeader: ct("stats.col.sector"),
            series: [
              { name: ct("stats.series.needs"), color: SERIES_COLORS[0] },
              { name: ct("stats.series.offers"), color: SERIES_COLORS[1] },
            ],
            rows: sectors.map((x) => ({ label: sectorLabel(x.sector), values: [x.needs, x.offers] })),
          }),
        )}
        <div class="grid-col">
          <section class="card unmet" aria-labelledby="unmet-t">
            <h3 id="unmet-t">${ct("stats.unmet.title")}</h3>
            <p class="hint">${ct("stats.unmet.lead")}</p>
            ${
              s.unmetNeeds.length === 0
                ? html`<p>${ct("stats.unmet.none")}</p>`
                : html`<ul>
                  ${s.unmetNeeds.map((c) => html`<li>${sectorLabel(c)}</li>`)}
                </ul>`
            }
          </section>
          ${chart((width) =>
            gauge({
              id: "coverage",
              width,
              title: ct("stats.coverage.title"),
              desc: ct("stats.coverage.desc"),
              share: s.coverage.share,
              text: ct("stats.coverage.text", {
                percent: formatPercent(s.coverage.share, lang),
                count: formatNumber(s.coverage.withIntroduction, lang),
                total: formatNumber(s.coverage.planches, lang),
              }),
            }),
          )}
          ${chart((width) =>
            barChart({
              id: "phases",
              width,
              title: ct("stats.phases.title"),
              desc: ct("stats.phases.desc"),
              rowHeader: ct("stats.col.phase"),
              series: [{ name: ct("stats.col.count"), color: SERIES_COLORS[0] }],
              rows: phaseRows,
            }),
          )}
          ${
            feedbackRows.length > 0
              ? chart((width) =>
                  barChart({
                    id: "feedback",
                    width,
                    title: ct("stats.feedback.title"),
                    desc: ct("stats.feedback.desc"),
                    rowHeader: ct("stats.col.answer"),
                    series: [{ name: ct("stats.col.count"), color: SERIES_COLORS[0] }],
                    rows: feedbackRows,
                  }),
                )
              : nothing
          }
        </div>
      </div>
    `;
  }

  override render() {
    const s = this.task.value;
    return html`${panelHead({ title: ct("stats.title"), lead: ct("stats.lead"), task: this.task, count: "", done: null })}
      ${s ? this.renderStats(s) : nothing}`;
  }
}
