import { css, html, nothing, svg, type TemplateResult } from "lit";
import { ct } from "../i18n/console/index.js";
import { getLang } from "../i18n/index.js";
import {
  barLayout,
  classOf,
  type ColorClass,
  colorClasses,
  gaugeWidth,
  SERIES_COLORS,
} from "../lib/charts.js";
import { formatNumber, formatPercent } from "../lib/format.js";
import {
  bubbleRadius,
  frameFor,
  MALI_BOUNDS,
  MALI_OUTLINE,
  mapLabelName,
  outlinePath,
  placeLabels,
  project,
} from "../lib/mali-map.js";

/**
 * Charts as inline SVG: each has a <title> and <desc> (role="img"), a visible legend when it
 * has several series, and its figures in a table under a <details> for screen readers,
 * keyboard users and anyone who prefers numbers. Each is drawn for the width it is given
 * (bap-chart measures it), one SVG unit per CSS pixel: text keeps its size on a phone.
 */

export { SERIES_COLORS };

export interface Series {
  name: string;
  color: string;
}

function legend(series: readonly Series[]) {
  return html`<ul class="legend">
    ${series.map(
      (s) => html`<li>
        <svg class="swatch" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <rect width="12" height="12" rx="2" fill=${s.color}></rect>
        </svg>
        ${s.name}
      </li>`,
    )}
  </ul>`;
}

function dataTable(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
) {
  const lang = getLang();
  return html`<details class="data">
    <summary>${ct("stats.data")}</summary>
    <table class="stack" role="table">
      <caption>
        ${caption}
      </caption>
      <thead role="rowgroup">
        <tr role="row">
          ${head.map((h, i) => html`<th role="columnheader" scope="col" class=${i > 0 ? "num" : ""}>${h}</th>`)}
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${rows.map(
          (r) => html`<tr role="row">
            ${r.map((v, i) =>
              i === 0
                ? html`<th role="rowheader" scope="row">${v}</th>`
                : html`<td role="cell" class="num" data-label=${head[i] ?? ""}>
                    ${typeof v === "number" ? formatNumber(v, lang) : v}
                  </td>`,
            )}
          </tr>`,
        )}
      </tbody>
    </table>
  </details>`;
}

function figure(id: string, title: string, desc: string, body: TemplateResult, extra: unknown = nothing) {
  return html`<figure aria-labelledby=${`${id}-t`}>
    <h3 id=${`${id}-t`}>${title}</h3>
    <p class="hint" id=${`${id}-d`}>${desc}</p>
    ${body} ${extra}
  </figure>`;
}

/** Horizontal bars, one group per row (label above its bars), all series on one scale. */
export function barChart(o: {
  id: string;
  width: number;
  title: string;
  desc: string;
  series: readonly Series[];
  rows: readonly { label: string; values: readonly number[] }[];
  /** Name of the first column of the data table. */
  rowHeader: string;
}): TemplateResult {
  const lang = getLang();
  const layout = barLayout(o.rows, { width: o.width, barHeight: o.series.length > 1 ? 11 : 14 });
  const body = html`${o.series.length > 1 ? legend(o.series) : nothing}
    <svg
      class="bars"
      viewBox=${`0 0 ${o.width} ${Math.max(1, layout.height)}`}
      width=${o.width}
      height=${Math.max(1, layout.height)}
      role="img"
      aria-labelledby=${`${o.id}-st ${o.id}-sd`}
      focusable="false"
    >
      <title id=${`${o.id}-st`}>${o.title}</title>
      <desc id=${`${o.id}-sd`}>${o.desc} ${ct("stats.scale", { max: layout.max })}</desc>
      ${layout.rows.map(
        (r) => svg`<g>
          <text class="row-label" x="0" y=${r.labelY}>${r.label}</text>
          ${r.bars.map(
            (
              b,
            ) => svg`<rect x=${b.x} y=${b.y} width=${Math.max(b.width, b.value > 0 ? 2 : 0)} height=${b.height}
                rx="2" fill=${o.series[b.series]?.color ?? SERIES_COLORS[0]}></rect>
              <text class="value" x=${b.width + 4} y=${b.y + b.height - 2}>${formatNumber(b.value, lang)}</text>`,
          )}
        </g>`,
      )}
    </svg>`;
  return figure(
    o.id,
    o.title,
    o.desc,
    body,
    dataTable(
      o.title,
      [o.rowHeader, ...o.series.map((s) => s.name)],
      o.rows.map((r) => [r.label, ...r.values]),
    ),
  );
}

/** A gauge of a share: a track, the filled part, the percentage written beside it. */
export function gauge(o: {
  id: string;
  width: number;
  title: string;
  desc: string;
  share: number;
  text: string;
}) {
  const width = Math.max(40, o.width - 60);
  const fill = gaugeWidth(o.share, width);
  const pct = formatPercent(o.share, getLang());
  return figure(
    o.id,
    o.title,
    o.desc,
    html`<svg class="gauge" viewBox=${`0 0 ${o.width} 32`} width=${o.width} height="32" role="img" aria-labelledby=${`${o.id}-st`} focusable="false">
        <title id=${`${o.id}-st`}>${o.text}</title>
        <rect x="0" y="6" width=${width} height="20" rx="10" class="track"></rect>
        <rect x="0" y="6" width=${fill} height="20" rx="10" fill=${SERIES_COLORS[0]}></rect>
        <text class="value big" x=${width + 8} y="22">${pct}</text>
      </svg>
      <p>${o.text}</p>`,
  );
}

export interface RegionDatum {
  code: string;
  name: string;
  lat: number | null;
  lon: number | null;
  value: number;
  /** Shown in the table only. */
  second?: number;
}

function mapLegend(classes: readonly ColorClass[], title: string) {
  const lang = getLang();
  return html`<div class="map-legend">
    <p>${title}</p>
    <ul class="legend">
      ${classes.map(
        (c) => html`<li>
          <svg class="swatch" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <circle cx="6" cy="6" r="5.5" fill=${c.color} stroke="#1b1f23" stroke-width="1"></circle>
          </svg>
          ${c.from === c.to ? formatNumber(c.from, lang) : `${formatNumber(c.from, lang)}–${formatNumber(c.to, lang)}`}
        </li>`,
      )}
    </ul>
  </div>`;
}

/**
 * Mali's régions as bubbles on a simplified outline: area and colour grow with the value;
 * each label carries the name and the figure, placed so that labels do not overlap.
 */
export function regionMap(o: {
  id: string;
  width: number;
  title: string;
  desc: string;
  legendTitle: string;
  source: string;
  regions: readonly RegionDatum[];
  tableHead: readonly string[];
}): TemplateResult {
  const lang = getLang();
  const located = o.regions.filter(
    (r): r is RegionDatum & { lat: number; lon: number } => r.lat !== null && r.lon !== null,
  );
  const max = Math.max(0, ...o.regions.map((r) => r.value));
  const classes = colorClasses(max);
  // Margins left and right for the labels of régions near the border (Kayes, Gao, Kidal).
  const frame = frameFor(MALI_BOUNDS, Math.min(o.width, 560), { x: Math.min(48, o.width * 0.1), y: 8 });
  const points = located.map((r) => {
    const { x, y } = project(r.lon, r.lat, frame);
    return {
      id: r.code,
      label: `${mapLabelName(r.name)} (${formatNumber(r.value, lang)})`,
      x,
      y,
      r: bubbleRadius(r.value, max, 5, Math.max(12, frame.width / 22)),
      datum: r,
    };
  });
  const labels = placeLabels(points, frame);
  const body = html`<svg
      class="map"
      viewBox=${`0 0 ${frame.width} ${frame.height}`}
      width=${frame.width}
      height=${frame.height}
      role="img"
      aria-labelledby=${`${o.id}-st ${o.id}-sd`}
      focusable="false"
    >
      <title id=${`${o.id}-st`}>${o.title}</title>
      <desc id=${`${o.id}-sd`}>
        ${o.desc}
        ${o.regions.map((r) => `${r.name} : ${formatNumber(r.value, lang)}.`).join(" ")}
      </desc>
      <path class="land" d=${outlinePath(MALI_OUTLINE, frame)}></path>
      ${points.map((p) => {
        const fill = classOf(p.datum.value, classes).color;
        return svg`<circle class="bubble" cx=${p.x.toFixed(1)} cy=${p.y.toFixed(1)} r=${p.r.toFixed(1)} fill=${fill}
            data-code=${p.id}></circle>`;
      })}
      ${labels.map((l, i) => svg`<text class="map-label" x=${l.x.toFixed(1)} y=${l.y.toFixed(1)} text-anchor=${l.anchor}>${points[i]!.label}</text>`)}
    </svg>
    ${mapLegend(classes, o.legendTitle)}
    <p class="hint">${o.source}</p>`;
  return figure(
    o.id,
    o.title,
    o.desc,
    body,
    dataTable(
      o.title,
      o.tableHead,
      o.regions.map((r) => (r.second === undefined ? [r.name, r.value] : [r.name, r.value, r.second])),
    ),
  );
}

export const chartStyles = css`
  figure {
    margin: 0;
    background: var(--bap-surface);
    border: 1px solid var(--bap-border);
    border-radius: var(--bap-radius);
    padding: 1rem;
    min-width: 0;
  }
  figure h3 {
    margin: 0 0 0.25rem;
  }
  svg.bars,
  svg.gauge,
  svg.map {
    display: block;
    max-width: 100%;
    height: auto;
    margin: 0.5rem 0;
  }
  svg.map {
    margin: 0.5rem auto;
  }
  .row-label {
    font-size: 14px;
    fill: var(--bap-ink);
  }
  .value {
    font-size: 13px;
    fill: var(--bap-ink);
    font-variant-numeric: tabular-nums;
  }
  .value.big {
    font-size: 16px;
    font-weight: 700;
  }
  .track {
    fill: #dfe6e2;
  }
  .land {
    fill: #f1ede0;
    stroke: #6b6b5e;
    stroke-width: 1.2;
    stroke-linejoin: round;
  }
  .bubble {
    stroke: #1b1f23;
    stroke-width: 1;
    fill-opacity: 0.92;
  }
  .map-label {
    font-size: 12px;
    font-weight: 600;
    fill: #1b1f23;
    paint-order: stroke;
    stroke: #ffffff;
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  ul.legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    margin: 0.25rem 0;
    padding: 0;
    font-size: 0.92rem;
  }
  ul.legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  svg.swatch {
    width: 0.9rem;
    height: 0.9rem;
    flex: none;
  }
  .map-legend p {
    margin: 0;
    font-weight: 600;
    font-size: 0.92rem;
  }
  details.data {
    margin-top: 0.5rem;
  }
`;
