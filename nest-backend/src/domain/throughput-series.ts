import { ProcessRun } from './run';

/**
 * A run's throughput over time, as the process driving it saw its counters: a bounded list of points,
 * each the run's cumulative processed counts at one instant. Cumulative points make downsampling lossless
 * for totals: merging two neighbouring intervals is dropping the point between them, and the rate over
 * the merged interval is exactly the average of the two.
 */
export interface SeriesPoint {
  /** Epoch milliseconds. */
  at: number;
  /** VIP orders processed since the run started. */
  vip: number;
  /** NORMAL orders processed since the run started. */
  normal: number;
  /** Orders failed for good so far: a level, not a running total (a retry of dead letters lowers it). */
  failed: number;
}

export interface ThroughputSeries {
  /** Least time between two recorded points; doubles each time the series is halved. */
  intervalMs: number;
  points: SeriesPoint[];
}

export interface SeriesLimits {
  /** Points a series never exceeds, whatever the run's length. */
  maxPoints: number;
  /** Time between points until the series first fills up. */
  baseIntervalMs: number;
}

/** A point with the rates of the interval it closes (0 for the first point). */
export interface RatedPoint extends SeriesPoint {
  vipPerSecond: number;
  normalPerSecond: number;
}

/** The series of a run that started at `startedAt`: one point with nothing processed. */
export function startSeries(startedAt: number, limits: SeriesLimits): ThroughputSeries {
  return { intervalMs: limits.baseIntervalMs, points: [{ at: startedAt, vip: 0, normal: 0, failed: 0 }] };
}

/**
 * Adds what the counters say at `sample.at`, once at least `intervalMs` passed since the last point.
 * Processed counts never go back (a counter that was lost reads lower than what was already seen).
 */
export function recordSample(series: ThroughputSeries, sample: SeriesPoint, limits: SeriesLimits): ThroughputSeries {
  const last = series.points[series.points.length - 1];
  if (last && sample.at - last.at < series.intervalMs) return series;
  const point = last ? { ...sample, vip: Math.max(last.vip, sample.vip), normal: Math.max(last.normal, sample.normal) } : sample;
  return withinLimit({ ...series, points: [...series.points, point] }, limits);
}

/** The run's own figures as a point: at its end once finished, else at `now` (live counters folded in by the caller). */
export function runPoint(run: Pick<ProcessRun, 'finishedAt' | 'processing' | 'failed'>, now: number): SeriesPoint {
  return { at: run.finishedAt?.getTime() ?? now, vip: run.processing.vip.count, normal: run.processing.normal.count, failed: run.failed };
}

/**
 * The series ending with the run's own final (or current) figures: points from `final.at` on are
 * replaced by it, so the last point always equals the run's counts whatever the recorder last saw.
 */
export function closeSeries(series: ThroughputSeries, final: SeriesPoint, limits: SeriesLimits): ThroughputSeries {
  const before = series.points.filter((point) => point.at < final.at);
  return withinLimit({ ...series, points: [...before, final] }, limits);
}

/** Halves the series (twice the interval between points) until it fits in `maxPoints`. */
function withinLimit(series: ThroughputSeries, limits: SeriesLimits): ThroughputSeries {
  let current = series;
  while (current.points.length > Math.max(limits.maxPoints, 2)) current = halve(current);
  return current;
}

/**
 * Merges neighbouring intervals two by two: keeps the first point (the run's start), the last one, and
 * every other point counted back from the last, so the points stay evenly spaced.
 */
export function halve(series: ThroughputSeries): ThroughputSeries {
  const { points } = series;
  const lastIndex = points.length - 1;
  const kept = points.filter((_, index) => index === 0 || (lastIndex - index) % 2 === 0);
  return { intervalMs: series.intervalMs * 2, points: kept };
}

/** Orders per second over `ms`, rounded; 0 when no time passed. */
function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((Math.max(0, count) * 1000) / ms) : 0;
}

/** Each point with the VIP and NORMAL rates of the interval since the point before it. */
export function ratedPoints(points: readonly SeriesPoint[]): RatedPoint[] {
  return points.map((point, index) => {
    const before = points[index - 1];
    if (!before) return { ...point, vipPerSecond: 0, normalPerSecond: 0 };
    const ms = point.at - before.at;
    return { ...point, vipPerSecond: perSecond(point.vip - before.vip, ms), normalPerSecond: perSecond(point.normal - before.normal, ms) };
  });
}

/** A process that recorded a run's series, and from when (an adopted run has several). */
export interface SeriesRecorder {
  name: string;
  since: number;
}

/** A run's series as kept with the run. */
export interface RecordedSeries {
  runId: string;
  series: ThroughputSeries;
  recorders: SeriesRecorder[];
}

/** Recorders kept per run: one per adoption, resumed two-step run or retry; older ones are dropped. */
export const MAX_RECORDERS = 20;

/** The recorders with `name` added from `since`, unless it already recorded last. */
export function withRecorder(recorders: readonly SeriesRecorder[], name: string, since: number): SeriesRecorder[] {
  if (recorders[recorders.length - 1]?.name === name) return [...recorders];
  return [...recorders, { name, since }].slice(-MAX_RECORDERS);
}
