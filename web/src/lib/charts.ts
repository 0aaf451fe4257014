/**
 * Geometry of the statistics charts, drawn as inline SVG without a chart library. Pure: no
 * DOM, no Lit; the templates in web/src/view/charts.ts only place what these functions compute.
 */

/** The smallest "round" number (1, 2, 2.5, 5 × 10^k) at or above `value`; 1 for empty data. */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/** A linear map from [d0, d1] to [r0, r1]; a degenerate domain maps everything to r0. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (v: number) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** Evenly spaced whole ticks from 0 to `max` (at most `count` intervals). */
export function ticks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const step = Math.max(1, Math.ceil(max / count));
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  if (out[out.length - 1] !== max) out.push(max);
  return out;
}

export interface BarRowInput {
  label: string;
  values: readonly number[];
}

export interface BarRect {
  series: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarRowLayout {
  label: string;
  /** Baseline of the row's label, above its bars. */
  labelY: number;
  bars: BarRect[];
}

export interface BarLayout {
  width: number;
  height: number;
  max: number;
  rows: BarRowLayout[];
}

export interface BarLayoutOptions {
  width: number;
  /** Room kept right of the longest bar for its value. */
  valueRoom?: number;
  labelHeight?: number;
  barHeight?: number;
  barGap?: number;
  rowGap?: number;
}

/**
 * Horizontal bars, one group per row, the row's label on its own line above its bars: long
 * names (sectors, régions) stay whole on a 360 px screen. Every series shares one scale.
 */
export function barLayout(rows: readonly BarRowInput[], opts: BarLayoutOptions): BarLayout {
  const valueRoom = opts.valueRoom ?? 40;
  const labelHeight = opts.labelHeight ?? 20;
  const barHeight = opts.barHeight ?? 12;
  const barGap = opts.barGap ?? 3;
  const rowGap = opts.rowGap ?? 12;
  const max = niceMax(Math.max(0, ...rows.flatMap((r) => r.values)));
  const scale = linearScale([0, max], [0, opts.width - valueRoom]);
  let y = 0;
  const out: BarRowLayout[] = rows.map((r) => {
    const labelY = y + labelHeight - 5;
    let barY = y + labelHeight;
    const bars = r.values.map((value, series) => {
      const rect = {
        series,
        value,
        x: 0,
        y: barY,
        width: Math.max(0, scale(Math.max(0, value))),
        height: barHeight,
      };
      barY += barHeight + barGap;
      return rect;
    });
    y = barY - barGap + rowGap;
    return { label: r.label, labelY, bars };
  });
  return { width: opts.width, height: Math.max(0, y - rowGap), max, rows: out };
}

/** Series colours: both reach 3:1 against white (WCAG 1.4.11) and differ in lightness for colour-blind readers. */
export const SERIES_COLORS = ["#0b5a3c", "#c96a00"] as const;

/** Sequential greens, light to dark: zero stays the lightest. All pass 3:1 against white for the darker half. */
export const GREENS = ["#e8f3ec", "#b9dcc6", "#7fbf98", "#3f9466", "#0b5a3c"] as const;

export interface ColorClass {
  from: number;
  to: number;
  color: string;
}

/**
 * Classes of a colour scale for counts 0..max: a class of its own for zero, then equal
 * whole-number steps over the rest of the palette (fewer when max is small).
 */
export function colorClasses(max: number, palette: readonly string[] = GREENS): ColorClass[] {
  const zero = { from: 0, to: 0, color: palette[0] ?? "#eee" };
  const top = Math.max(0, Math.floor(max));
  if (top === 0) return [zero];
  const steps = Math.min(palette.length - 1, top);
  const size = Math.ceil(top / steps);
  const out: ColorClass[] = [zero];
  for (let i = 0; i < steps; i += 1) {
    const from = 1 + i * size;
    if (from > top) break;
    out.push({
      from,
      to: Math.min(top, from + size - 1),
      color: palette[i + 1] ?? palette[palette.length - 1]!,
    });
  }
  return out;
}

export function classOf(value: number, classes: readonly ColorClass[]): ColorClass {
  return classes.find((c) => value >= c.from && value <= c.to) ?? classes[classes.length - 1]!;
}

/** Relative luminance (WCAG) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Gauge of a share in [0, 1]: the filled width of a bar `width` wide. */
export function gaugeWidth(share: number, width: number): number {
  const s = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  return s * width;
}
