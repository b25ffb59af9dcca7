import { niceCeiling, type PlotArea } from '../throughput-series';
import { EVENT_TYPES, type CountsByType, type EventMetrics, type EventType } from '@pedidos/contract';

/**
 * The chart spans the seconds it has points for, at least 1 and at most 3 minutes, ending at the newest
 * second: a 10 s burst fills a readable part of it, a long one scrolls (the server keeps 5 minutes).
 */
export const CHART_WINDOW = { minSeconds: 60, maxSeconds: 180 } as const;
/** Keeps a quiet chart readable (ticks 0–10) instead of fractions of an event. */
export const MIN_Y_MAX = 10;

export interface SeriesPoint {
  /** Server time of the second (ms since epoch). */
  t: number;
  accepted: number;
  stored: number;
  /** Stored per type, in EVENT_TYPES order. */
  byType: number[];
}

export interface EventSeries {
  /** Left and right edge of the window: the newest point is the right edge. */
  t0: number;
  t1: number;
  windowSeconds: number;
  points: SeriesPoint[];
  yMax: number;
}

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);
const typeCounts = (byType: CountsByType | undefined) => EVENT_TYPES.map((type) => count(byType?.[type]));
const zeroAt = (t: number): SeriesPoint => ({ t, accepted: 0, stored: 0, byType: EVENT_TYPES.map(() => 0) });

/**
 * The server's per-second timeline as chart points over a fixed window ending at its newest second.
 * A second the server left out between two points had no events: two zero points are put at its edges,
 * so the line drops to zero there instead of being drawn across the gap.
 */
export function shapeTimeline(timeline: EventMetrics['timeline'] | undefined, window: { minSeconds: number; maxSeconds: number } = CHART_WINDOW): EventSeries | null {
  const intervalMs = timeline?.intervalMs && timeline.intervalMs > 0 ? timeline.intervalMs : 1000;
  const parsed = (timeline?.points ?? [])
    .map((point) => ({ t: Date.parse(point.at), accepted: count(point.accepted), stored: count(point.stored), byType: typeCounts(point.byType) }))
    .filter((point) => Number.isFinite(point.t))
    .sort((a, b) => a.t - b.t);
  const last = parsed[parsed.length - 1];
  if (!last) return null;
  const t1 = last.t;
  const oldest = parsed.find((point) => point.t >= t1 - window.maxSeconds * intervalMs) ?? last;
  const windowSeconds = Math.min(window.maxSeconds, Math.max(window.minSeconds, Math.ceil((t1 - oldest.t) / intervalMs)));
  const t0 = t1 - windowSeconds * intervalMs;
  const points: SeriesPoint[] = [];
  for (const point of parsed) {
    if (point.t < t0) continue;
    const previous = points[points.length - 1];
    if (previous && point.t - previous.t > intervalMs) {
      points.push(zeroAt(previous.t + intervalMs));
      if (point.t - previous.t > 2 * intervalMs) points.push(zeroAt(point.t - intervalMs));
    }
    points.push(point);
  }
  const peak = Math.max(0, ...points.map((point) => Math.max(point.accepted, sum(point.byType))));
  return { t0, t1, windowSeconds, points, yMax: niceCeiling(Math.max(peak, MIN_Y_MAX)) };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function plotArea(series: EventSeries, width: number, height: number): PlotArea {
  return { width, height, t0: series.t0, t1: series.t1, yMax: series.yMax };
}

function x(t: number, area: PlotArea): number {
  return ((t - area.t0) / Math.max(area.t1 - area.t0, 1)) * area.width;
}
function y(value: number, area: PlotArea): number {
  return area.height - (Math.min(value, area.yMax) / area.yMax) * area.height;
}

/**
 * One closed band per type, stacked in EVENT_TYPES order, so the top edge is the stored rate; types
 * with no event in the window get no band.
 */
export function stackedBands(series: EventSeries, area: PlotArea): { type: EventType; d: string }[] {
  const bands: { type: EventType; d: string }[] = [];
  const below = series.points.map(() => 0);
  EVENT_TYPES.forEach((type, index) => {
    const above = series.points.map((point, i) => below[i] + point.byType[index]);
    if (series.points.some((point) => point.byType[index] > 0)) {
      const top = series.points.map((point, i) => `${x(point.t, area).toFixed(1)} ${y(above[i], area).toFixed(1)}`);
      const bottom = series.points.map((point, i) => `${x(point.t, area).toFixed(1)} ${y(below[i], area).toFixed(1)}`).reverse();
      bands.push({ type, d: `M${top.join(' L')} L${bottom.join(' L')} Z` });
    }
    above.forEach((value, i) => (below[i] = value));
  });
  return bands;
}

/** The accepted rate as a line over the bands. */
export function acceptedLine(series: EventSeries, area: PlotArea): string {
  return series.points.map((point, i) => `${i === 0 ? 'M' : 'L'}${x(point.t, area).toFixed(1)} ${y(point.accepted, area).toFixed(1)}`).join(' ');
}

/** Seconds before the newest point for the x-axis labels, left to right ([-180, -135, …, 0]). */
export function axisSeconds(windowSeconds: number, ticks = 5): number[] {
  return Array.from({ length: ticks }, (_, i) => -Math.round(windowSeconds * (1 - i / (ticks - 1))) || 0);
}
