import type { ReportPoint, RunReport } from '@pedidos/contract';
import { MAX_CHART_POINTS, thinOut, type ThroughputSample, type ThroughputSeries } from './throughput-series';

export type Lane = 'vip' | 'normal';

/** One interval of a recorded series: seconds since the run was created, and the lane's average rate over it. */
export interface RateStep {
  from: number;
  to: number;
  rate: number;
}

export interface StepArea {
  width: number;
  height: number;
  /** Seconds at the right edge. */
  xMax: number;
  yMax: number;
}

/** The lane's rate over each interval of the series. */
export function laneSteps(points: readonly ReportPoint[], lane: Lane): RateStep[] {
  return points.slice(1).map((point, index) => ({
    from: points[index].elapsedMs / 1000,
    to: point.elapsedMs / 1000,
    rate: lane === 'vip' ? point.vipPerSecond : point.normalPerSecond,
  }));
}

/** SVG path drawing each interval's rate as a flat step: an average over a long interval is not drawn as a slope. */
export function stepPath(steps: readonly RateStep[], area: StepArea): string {
  const x = (seconds: number) => ((seconds / Math.max(area.xMax, 1e-9)) * area.width).toFixed(1);
  const y = (rate: number) => (area.height - (Math.min(Math.max(rate, 0), area.yMax) / area.yMax) * area.height).toFixed(1);
  return steps
    .map((step, index) => `${index === 0 ? 'M' : 'L'}${x(step.from)} ${y(step.rate)} L${x(step.to)} ${y(step.rate)}`)
    .join(' ');
}

/** The highest rate of either lane in any of the reports. */
export function peakRate(reports: readonly RunReport[]): number {
  return Math.max(0, ...reports.flatMap((report) => report.series.points.flatMap((point) => [point.vipPerSecond, point.normalPerSecond])));
}

/** Seconds from the start of the longest of the reports to its last point. */
export function spanSeconds(reports: readonly RunReport[]): number {
  return Math.max(0, ...reports.map((report) => (report.series.points[report.series.points.length - 1]?.elapsedMs ?? 0) / 1000));
}

const parsed = (iso: string | null) => (iso ? Date.parse(iso) : null);

/** Whether the lane was being processed at some moment of (from, to]. */
function laneOpen(window: RunReport['timings']['vip'], from: number, to: number): boolean {
  const start = parsed(window.start);
  const end = parsed(window.end);
  return start !== null && start < to && (end === null || end > from);
}

/**
 * The recorded series as the live chart's samples: a lane's rate only over the intervals in which it was being
 * processed (a gap elsewhere, as live), and the average so far since processing began.
 */
export function samplesFromReport(report: RunReport): ThroughputSample[] {
  const { points } = report.series;
  const starts = [parsed(report.timings.vip.start), parsed(report.timings.normal.start)].filter((value): value is number => value !== null);
  const firstStart = starts.length ? Math.min(...starts) : null;
  return points.slice(1).map((point, index) => {
    const from = Date.parse(points[index].at);
    const t = Date.parse(point.at);
    const processed = point.vipProcessed + point.normalProcessed;
    return {
      t,
      phase: report.phase,
      vip: laneOpen(report.timings.vip, from, t) ? point.vipPerSecond : null,
      normal: laneOpen(report.timings.normal, from, t) ? point.normalPerSecond : null,
      overall: firstStart !== null && t > firstStart ? Math.round((processed * 1000) / (t - firstStart)) : null,
    };
  });
}

/**
 * The live chart's series with the run's recorded history before its first live sample: the overview opened
 * while a run goes on draws it from the start. Bounded like the live series.
 */
export function seedSeries(current: ThroughputSeries, report: RunReport, maxPoints = MAX_CHART_POINTS): ThroughputSeries {
  const live = current.runId === report.runId ? current.samples : [];
  const firstLive = live[0]?.t ?? Infinity;
  let samples = [...samplesFromReport(report).filter((sample) => sample.t < firstLive), ...live];
  while (samples.length > maxPoints) samples = thinOut(samples);
  return { runId: report.runId, samples };
}
