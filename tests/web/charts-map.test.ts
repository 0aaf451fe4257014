import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  barLayout,
  classOf,
  colorClasses,
  contrastRatio,
  GREENS,
  gaugeWidth,
  linearScale,
  niceMax,
  SERIES_COLORS,
  ticks,
} from "../../web/src/lib/charts.js";
import {
  bubbleRadius,
  frameFor,
  MALI_BOUNDS,
  MALI_FRAME,
  MALI_OUTLINE,
  mapLabelName,
  outlinePath,
  placeLabels,
  project,
} from "../../web/src/lib/mali-map.js";

/** The 9 régions as the reference data places them (seeds/mali). */
const REGIONS = [
  { code: "ML01", name: "Kayes", lat: 13.96388, lon: -10.34008 },
  { code: "ML02", name: "Koulikoro", lat: 13.16453, lon: -7.62077 },
  { code: "ML03", name: "Sikasso", lat: 11.48542, lon: -6.4827 },
  { code: "ML04", name: "Ségou", lat: 13.44597, lon: -5.54421 },
  { code: "ML05", name: "Mopti", lat: 14.52383, lon: -3.66579 },
  { code: "ML06", name: "Tombouctou", lat: 16.34071, lon: -3.11544 },
  { code: "ML07", name: "Gao", lat: 16.50822, lon: 0.83557 },
  { code: "ML08", name: "Kidal", lat: 19.18911, lon: 0.94816 },
  { code: "ML09", name: "District de Bamako", lat: 12.6392, lon: -8.0029 },
];

describe("chart scales", () => {
  it("rounds the top of a scale up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0, 1, 3, 7, 16, 23, 240, 2600].map(niceMax)).toEqual([1, 1, 5, 10, 20, 25, 250, 5000]);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (v) => {
        const m = niceMax(v);
        return m >= v && m <= Math.max(1, v * 2.5 + 1e-9);
      }),
    );
  });

  it("maps a domain linearly and survives an empty one", () => {
    const s = linearScale([0, 20], [0, 300]);
    expect(s(0)).toBe(0);
    expect(s(10)).toBe(150);
    expect(s(20)).toBe(300);
    expect(linearScale([5, 5], [10, 90])(5)).toBe(10);
  });

  it("gives whole ticks from 0 to the top", () => {
    expect(ticks(0)).toEqual([0]);
    expect(ticks(20, 4)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(3, 4)).toEqual([0, 1, 2, 3]);
  });

  it("lays bars out on one scale, longer for more, labels above, rows in order", () => {
    const layout = barLayout(
      [
        { label: "Eau", values: [23, 13] },
        { label: "Santé", values: [19, 0] },
      ],
      { width: 300, valueRoom: 40 },
    );
    expect(layout.max).toBe(25);
    const [eau, sante] = layout.rows;
    expect(eau!.bars.map((b) => b.width)).toEqual([(23 / 25) * 260, (13 / 25) * 260]);
    expect(sante!.bars[1]!.width).toBe(0);
    // Each row's label sits above its first bar; rows and bars never overlap.
    for (const r of layout.rows) expect(r.labelY).toBeLessThan(r.bars[0]!.y + 1);
    expect(sante!.labelY).toBeGreaterThan(eau!.bars[1]!.y + eau!.bars[1]!.height);
    expect(layout.height).toBeGreaterThanOrEqual(sante!.bars[1]!.y + sante!.bars[1]!.height);
    // No bar runs into the room kept for its value.
    for (const r of layout.rows) for (const b of r.bars) expect(b.width).toBeLessThanOrEqual(260);
  });

  it("colours counts by class: zero apart, every value in exactly one class, darker for more", () => {
    expect(colorClasses(0)).toEqual([{ from: 0, to: 0, color: GREENS[0] }]);
    const classes = colorClasses(16);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [0, 0],
      [1, 4],
      [5, 8],
      [9, 12],
      [13, 16],
    ]);
    for (let v = 0; v <= 16; v += 1) {
      expect(classes.filter((c) => v >= c.from && v <= c.to)).toHaveLength(1);
    }
    expect(classOf(16, classes).color).toBe(GREENS[4]);
    expect(colorClasses(2).map((c) => [c.from, c.to])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it("draws series in colours that stand out from a white page (WCAG 1.4.11, 3:1)", () => {
    for (const c of SERIES_COLORS) expect(contrastRatio(c, "#ffffff")).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(SERIES_COLORS[0], SERIES_COLORS[1])).toBeGreaterThanOrEqual(2);
    expect(contrastRatio(GREENS[4], "#ffffff")).toBeGreaterThanOrEqual(3);
  });

  it("fills a gauge in proportion, clamped", () => {
    expect(gaugeWidth(0.25, 200)).toBe(50);
    expect(gaugeWidth(1.4, 200)).toBe(200);
    expect(gaugeWidth(Number.NaN, 200)).toBe(0);
  });
});

describe("map of Mali", () => {
  it("keeps the ground's proportions: taller than wide over 17° of longitude and 15° of latitude", () => {
    const f = frameFor(MALI_BOUNDS, 400);
    const expected = (15 / (17 * Math.cos((17.5 * Math.PI) / 180))) * 400;
    expect(f.height).toBe(Math.round(expected));
  });

  it("projects west to the left, north to the top, corners onto the frame's inner corners", () => {
    const f = frameFor(MALI_BOUNDS, 400, { x: 40, y: 8 });
    expect(project(-12.5, 25, f)).toEqual({ x: 40, y: 8 });
    const se = project(4.5, 10, f);
    expect(se.x).toBeCloseTo(360);
    expect(se.y).toBeCloseTo(f.height - 8);
    const kayes = project(-10.34, 13.96, f);
    const gao = project(0.84, 16.51, f);
    const sikasso = project(-6.48, 11.49, f);
    expect(kayes.x).toBeLessThan(gao.x);
    expect(gao.y).toBeLessThan(sikasso.y);
  });

  it("places every région inside the frame, and the outline around them", () => {
    for (const r of REGIONS) {
      const { x, y } = project(r.lon, r.lat, MALI_FRAME);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(MALI_FRAME.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(MALI_FRAME.height);
    }
    const d = outlinePath(MALI_OUTLINE);
    expect(d.startsWith("M")).toBe(true);
    expect(d.endsWith("Z")).toBe(true);
    expect(d.split("L")).toHaveLength(MALI_OUTLINE.length);
    for (const [lon, lat] of MALI_OUTLINE) {
      expect(lon).toBeGreaterThanOrEqual(MALI_BOUNDS.lonMin);
      expect(lon).toBeLessThanOrEqual(MALI_BOUNDS.lonMax);
      expect(lat).toBeGreaterThanOrEqual(MALI_BOUNDS.latMin);
      expect(lat).toBeLessThanOrEqual(MALI_BOUNDS.latMax);
    }
  });

  it("sizes bubbles by area (square root), with a visible dot for zero", () => {
    expect(bubbleRadius(0, 16, 5, 20)).toBe(5);
    expect(bubbleRadius(16, 16, 5, 20)).toBe(20);
    expect(bubbleRadius(4, 16, 5, 20)).toBe(5 + 0.5 * 15);
    expect(bubbleRadius(3, 0, 5, 20)).toBe(5);
  });

  it("shortens the District de Bamako on the map only", () => {
    expect(mapLabelName("District de Bamako")).toBe("Bamako");
    expect(mapLabelName("Kayes")).toBe("Kayes");
  });

  it("labels the 9 régions without two labels overlapping or leaving the frame, phone to desktop", () => {
    const demo = [16, 6, 6, 7, 6, 3, 3, 2, 3];
    const cases = [300, 400, 520].flatMap((width) => [
      { width, values: REGIONS.map((_, i) => i * 2) },
      { width, values: demo },
    ]);
    for (const { width, values } of cases) {
      const frame = frameFor(MALI_BOUNDS, width, { x: Math.min(48, width * 0.1), y: 8 });
      const max = Math.max(...values);
      const points = REGIONS.map((r, i) => {
        const { x, y } = project(r.lon, r.lat, frame);
        const v = values[i]!;
        return {
          id: r.code,
          label: `${mapLabelName(r.name)} (${v})`,
          x,
          y,
          r: bubbleRadius(v, max, 5, width / 22),
        };
      });
      const labels = placeLabels(points, frame);
      expect(labels.map((l) => l.id)).toEqual(REGIONS.map((r) => r.code));
      for (const l of labels) {
        expect(l.box.x0, `${l.id} at ${width}px`).toBeGreaterThanOrEqual(0);
        expect(l.box.x1, `${l.id} at ${width}px`).toBeLessThanOrEqual(frame.width);
      }
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) {
          const overlap =
            a.box.x0 < b.box.x1 && b.box.x0 < a.box.x1 && a.box.y0 < b.box.y1 && b.box.y0 < a.box.y1;
          expect(overlap, `${a.id} and ${b.id} at ${width}px`).toBe(false);
        }
      }
    }
  });

  it("places labels the same way whatever the input order", () => {
    const frame = frameFor(MALI_BOUNDS, 400, { x: 40, y: 8 });
    const points = REGIONS.map((r) => ({ id: r.code, label: r.name, ...project(r.lon, r.lat, frame), r: 8 }));
    const a = placeLabels(points, frame);
    const b = placeLabels([...points].reverse(), frame);
    const byId = (ls: typeof a) => Object.fromEntries(ls.map((l) => [l.id, l.side]));
    expect(byId(b)).toEqual(byId(a));
  });
});
