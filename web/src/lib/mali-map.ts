/**
 * The statistics map of Mali: an equirectangular projection of lon/lat onto an SVG viewBox,
 * a simplified outline of the country, bubbles per région and labels that avoid each other.
 * Pure; drawn by web/src/view/charts.ts.
 */

export interface MapFrame {
  lonMin: number;
  lonMax: number;
  latMin: number;
  latMax: number;
  /** The whole drawing, margins included. */
  width: number;
  height: number;
  /** Room around the country for labels, left/right and top/bottom. */
  padX: number;
  padY: number;
}

/** Mali's extent as the brief draws it: lon −12.5…4.5, lat 10…25. */
export const MALI_BOUNDS = { lonMin: -12.5, lonMax: 4.5, latMin: 10, latMax: 25 } as const;

/**
 * A frame `width` wide around a lon/lat box, with margins for labels. The height keeps the
 * ground's proportions at the box's middle latitude (a degree of longitude is cos(lat) of a
 * degree of latitude there).
 */
export function frameFor(
  b: { lonMin: number; lonMax: number; latMin: number; latMax: number },
  width: number,
  pad: { x: number; y: number } = { x: 0, y: 0 },
): MapFrame {
  const midLat = ((b.latMin + b.latMax) / 2) * (Math.PI / 180);
  const aspect = (b.latMax - b.latMin) / ((b.lonMax - b.lonMin) * Math.cos(midLat));
  const inner = Math.max(1, width - 2 * pad.x);
  return { ...b, width, height: Math.round(inner * aspect + 2 * pad.y), padX: pad.x, padY: pad.y };
}

/** The drawing of the statistics page at 400 units, the default. */
export const MALI_FRAME: MapFrame = frameFor(MALI_BOUNDS, 400);

/** x grows east, y grows south (SVG), inside the frame's margins. */
export function project(lon: number, lat: number, f: MapFrame = MALI_FRAME): { x: number; y: number } {
  const w = f.width - 2 * f.padX;
  const h = f.height - 2 * f.padY;
  return {
    x: f.padX + ((lon - f.lonMin) / (f.lonMax - f.lonMin)) * w,
    y: f.padY + ((f.latMax - lat) / (f.latMax - f.latMin)) * h,
  };
}

/** A région's name on the map: "District de Bamako" reads "Bamako" there (the table keeps it whole). */
export const mapLabelName = (name: string) => name.replace(/^district\s+(de|du|of)\s+/i, "");

/**
 * Mali's border, simplified (Natural Earth 1:110m admin-0, public domain), as [lon, lat].
 * Context only: the figures are the bubbles.
 */
export const MALI_OUTLINE: readonly (readonly [number, number])[] = [
  [-12.17, 14.62],
  [-11.83, 14.8],
  [-11.67, 15.39],
  [-11.35, 15.41],
  [-10.65, 15.13],
  [-10.09, 15.33],
  [-9.7, 15.26],
  [-9.55, 15.49],
  [-5.54, 15.5],
  [-5.32, 16.2],
  [-5.49, 16.33],
  [-5.97, 20.64],
  [-6.45, 24.96],
  [-4.92, 24.97],
  [-1.55, 22.79],
  [1.82, 20.61],
  [2.06, 20.14],
  [2.68, 19.86],
  [3.15, 19.69],
  [3.16, 19.06],
  [4.27, 19.16],
  [4.27, 16.85],
  [3.72, 16.18],
  [3.64, 15.57],
  [2.75, 15.41],
  [1.39, 15.32],
  [1.02, 14.97],
  [0.37, 14.93],
  [-0.27, 14.92],
  [-0.52, 15.12],
  [-1.07, 14.97],
  [-2.0, 14.56],
  [-2.19, 14.25],
  [-2.97, 13.8],
  [-3.1, 13.54],
  [-3.52, 13.34],
  [-4.01, 13.47],
  [-4.28, 13.23],
  [-4.43, 12.54],
  [-5.22, 11.71],
  [-5.2, 11.38],
  [-5.47, 10.95],
  [-5.4, 10.37],
  [-5.82, 10.22],
  [-6.05, 10.1],
  [-6.21, 10.52],
  [-6.49, 10.41],
  [-6.67, 10.43],
  [-6.85, 10.14],
  [-7.62, 10.15],
  [-7.9, 10.3],
  [-8.03, 10.21],
  [-8.34, 10.49],
  [-8.28, 10.79],
  [-8.41, 10.91],
  [-8.62, 10.81],
  [-8.58, 11.14],
  [-8.38, 11.39],
  [-8.79, 11.81],
  [-8.91, 12.09],
  [-9.13, 12.31],
  [-9.33, 12.33],
  [-9.57, 12.19],
  [-9.89, 12.06],
  [-10.17, 11.84],
  [-10.59, 11.92],
  [-10.87, 12.18],
  [-11.04, 12.21],
  [-11.3, 12.08],
  [-11.46, 12.08],
  [-11.51, 12.44],
  [-11.47, 12.75],
  [-11.55, 13.14],
  [-11.93, 13.42],
  [-12.12, 13.99],
];

/** An SVG path ("M x y L … Z") through lon/lat points. */
export function outlinePath(
  points: readonly (readonly [number, number])[],
  f: MapFrame = MALI_FRAME,
): string {
  return `${points
    .map(([lon, lat], i) => {
      const { x, y } = project(lon, lat, f);
      return `${i === 0 ? "M" : "L"}${x.toFixed(1)} ${y.toFixed(1)}`;
    })
    .join(" ")} Z`;
}

/** Bubble radius with its area proportional to the value (sqrt scale); zero keeps a visible dot. */
export function bubbleRadius(value: number, max: number, rMin = 6, rMax = 22): number {
  if (max <= 0 || value <= 0) return rMin;
  return rMin + Math.sqrt(Math.min(value, max) / max) * (rMax - rMin);
}

export interface MapPoint {
  id: string;
  label: string;
  x: number;
  y: number;
  r: number;
}

export type LabelSide =
  | "above"
  | "below"
  | "right"
  | "left"
  | "above-right"
  | "above-left"
  | "below-right"
  | "below-left";

export interface PlacedLabel {
  id: string;
  side: LabelSide;
  /** Text anchor point (baseline) and SVG text-anchor. */
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  box: Box;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const circleBox = (p: MapPoint): Box => ({ x0: p.x - p.r, y0: p.y - p.r, x1: p.x + p.r, y1: p.y + p.r });

/** Sides in order of preference: straight above and below read best, diagonals last. */
const SIDES: readonly LabelSide[] = [
  "above",
  "below",
  "right",
  "left",
  "above-right",
  "below-right",
  "above-left",
  "below-left",
];

function candidate(p: MapPoint, side: LabelSide, w: number, h: number): PlacedLabel {
  const gap = 3;
  const d = p.r * Math.SQRT1_2;
  // Anchor point (x, baseline y) and text-anchor for each side.
  const [x, y, anchor]: [number, number, PlacedLabel["anchor"]] = (() => {
    switch (side) {
      case "above":
        return [p.x, p.y - p.r - gap, "middle"];
      case "below":
        return [p.x, p.y + p.r + gap + h * 0.8, "middle"];
      case "right":
        return [p.x + p.r + gap, p.y + h * 0.35, "start"];
      case "left":
        return [p.x - p.r - gap, p.y + h * 0.35, "end"];
      case "above-right":
        return [p.x + d + gap / 2, p.y - d - gap / 2, "start"];
      case "above-left":
        return [p.x - d - gap / 2, p.y - d - gap / 2, "end"];
      case "below-right":
        return [p.x + d + gap / 2, p.y + d + gap / 2 + h * 0.8, "start"];
      default:
        return [p.x - d - gap / 2, p.y + d + gap / 2 + h * 0.8, "end"];
    }
  })();
  const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  // The text's box: from the cap height above the baseline to the descenders below it.
  return { id: p.id, side, x, y, anchor, box: { x0, y0: y - h * 0.8, x1: x0 + w, y1: y + h * 0.2 } };
}

/**
 * Put each label beside its bubble (above, below, right, left, then the diagonals): the first
 * side that stays in the frame and touches no other bubble and no other label. Bigger bubbles
 * choose first; then a few rounds let each label move to a better side given all the others,
 * until nothing improves. When nothing is free, the least bad side wins (a clipped label is
 * worst, then one over another label, then one over a bubble). Deterministic.
 */
export function placeLabels(
  points: readonly MapPoint[],
  frame: { width: number; height: number },
  font = { size: 12, charWidth: 6.6 },
): PlacedLabel[] {
  const order = [...points].sort((a, b) => b.r - a.r || a.id.localeCompare(b.id));
  const chosen = new Map<string, PlacedLabel>();
  const cost = (p: MapPoint, b: Box) => {
    const outside = b.x0 < 0 || b.y0 < 0 || b.x1 > frame.width || b.y1 > frame.height ? 1 : 0;
    let onLabels = 0;
    for (const [id, l] of chosen) if (id !== p.id && overlaps(b, l.box)) onLabels += 1;
    const onBubbles = points.filter((q) => q.id !== p.id && overlaps(b, circleBox(q))).length;
    return outside * 100 + onLabels * 20 + onBubbles * 8;
  };
  const bestFor = (p: MapPoint) => {
    const w = p.label.length * font.charWidth;
    let best: { label: PlacedLabel; cost: number } | null = null;
    for (const side of SIDES) {
      const label = candidate(p, side, w, font.size);
      const c = cost(p, label.box);
      if (!best || c < best.cost) best = { label, cost: c };
      if (c === 0) break;
    }
    return best!;
  };
  for (const p of order) chosen.set(p.id, bestFor(p).label);
  for (let round = 0; round < 8; round += 1) {
    let improved = false;
    for (const p of order) {
      const current = cost(p, chosen.get(p.id)!.box);
      if (current === 0) continue;
      const next = bestFor(p);
      if (next.cost < current) {
        chosen.set(p.id, next.label);
        improved = true;
      }
    }
    if (!improved) break;
  }
  return points.map((p) => chosen.get(p.id)!);
}
