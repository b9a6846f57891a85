// The geometry of the UI's SVG charts, kept apart from the DOM so it can be tested: bars over a
// time axis (the entity timeline, the PLOVER score series), the radial layout of the co-occurrence
// graph, and the scales that size edges and map circles.

export interface Point {
  readonly x: number;
  readonly y: number;
}

const MS_PER_DAY = 86_400_000;
const MAX_BAR_WIDTH = 24;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day, or NaN for anything else. */
export function dayNumber(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return Number.NaN;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? Number.NaN : Math.round(ms / MS_PER_DAY);
}

export interface DayValue {
  readonly day: string;
  readonly value: number;
}

export interface Bar extends DayValue {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface BarLayout {
  readonly bars: readonly Bar[];
  /** The y of the value 0 (the baseline; bars below it are negative values). */
  readonly zeroY: number;
  readonly min: number;
  readonly max: number;
  readonly firstDay: string;
  readonly lastDay: string;
}

export interface Box {
  readonly width: number;
  readonly height: number;
  /** Space kept clear on every side for labels. */
  readonly margin: number;
}

/**
 * Bars placed by date, so gaps in the days show as gaps, not as neighbouring bars; bars grow up from
 * 0 for positive values and down for negative ones. Points with an unreadable day are left out.
 */
export function dayBars(points: readonly DayValue[], box: Box): BarLayout | null {
  const dated = points
    .map((p) => ({ ...p, n: dayNumber(p.day) }))
    .filter((p) => !Number.isNaN(p.n) && Number.isFinite(p.value))
    .sort((a, b) => a.n - b.n);
  const first = dated[0];
  const last = dated.at(-1);
  if (!first || !last) return null;
  const min = Math.min(0, ...dated.map((p) => p.value));
  const max = Math.max(0, ...dated.map((p) => p.value));
  const plotWidth = box.width - 2 * box.margin;
  const plotHeight = box.height - 2 * box.margin;
  const days = last.n - first.n + 1;
  const slot = plotWidth / days;
  // Few days must not make slabs: a bar is at most MAX_BAR_WIDTH wide, centred in its day's slot.
  const barWidth = Math.min(MAX_BAR_WIDTH, Math.max(1, slot * 0.8));
  const y = linear([min, max === min ? min + 1 : max], [box.margin + plotHeight, box.margin]);
  const zeroY = y(0);
  const bars = dated.map((p) => {
    const top = y(Math.max(0, p.value));
    const bottom = y(Math.min(0, p.value));
    return {
      day: p.day,
      value: p.value,
      x: box.margin + (p.n - first.n) * slot + (slot - barWidth) / 2,
      y: top,
      width: barWidth,
      // A zero still gets a hairline, so the day shows as reported.
      height: Math.max(bottom - top, p.value === 0 ? 0 : 1),
    };
  });
  return { bars, zeroY, min, max, firstDay: first.day, lastDay: last.day };
}

/** A linear map from `domain` to `range`; a zero-width domain maps everything to the range start. */
export function linear(
  domain: readonly [number, number],
  range: readonly [number, number],
): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** Radius for a count, by area (a circle twice as big in area for twice the count). */
export function areaRadius(value: number, max: number, minRadius: number, maxRadius: number): number {
  if (max <= 0 || value <= 0) return minRadius;
  return minRadius + Math.sqrt(Math.min(value, max) / max) * (maxRadius - minRadius);
}

/** `count` points evenly around `center`, the first straight above it, clockwise on screen. */
export function radialLayout(count: number, center: Point, radius: number): Point[] {
  return Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
  });
}
