import type { ReportWindow, RunReport } from '@pedidos/contract';
import { WindowFigures, runFigures } from '../../domain/metrics';
import { ProcessRun } from '../../domain/run';
import { RecordedSeries, SeriesLimits, closeSeries, ratedPoints, runPoint, startSeries } from '../../domain/throughput-series';

const iso = (date: Date | null) => date?.toISOString() ?? null;
const reportWindow = ({ start, end, timeMs }: WindowFigures): ReportWindow => ({ start: iso(start), end: iso(end), timeMs });

/**
 * The report of a run (live counters already folded in) at instant `now`. Its series ends with the run's
 * own figures, at the run's end or, while it runs, now: the last point always equals the counts.
 */
export function buildRunReport(run: ProcessRun, recorded: RecordedSeries | null, now: Date, limits: SeriesLimits): RunReport {
  const figures = runFigures(run, now);
  const startedAt = run.createdAt.getTime();
  const series = closeSeries(recorded?.series ?? startSeries(startedAt, limits), runPoint(run, now.getTime()), limits);
  return {
    runId: run.runId,
    phase: run.phase,
    errorReason: run.errorReason,
    createdAt: run.createdAt.toISOString(),
    finishedAt: iso(run.finishedAt),
    reportedAt: now.toISOString(),
    settings: { target: run.target, autoProcess: run.autoProcess, ordersPerJob: run.ordersPerJob },
    timings: {
      generationStartedAt: iso(run.generationStartedAt),
      generationEndedAt: iso(run.generationEndedAt),
      generationTimeMs: figures.generationTimeMs,
      enqueueVipTimeMs: run.enqueueVipTimeMs,
      enqueueNormalTimeMs: run.enqueueNormalTimeMs,
      vip: reportWindow(figures.processing.vip),
      normal: reportWindow(figures.processing.normal),
      totalTimeMs: figures.totalTimeMs,
    },
    counts: {
      generated: run.generated,
      vipGenerated: run.vipGenerated,
      normalGenerated: run.normalGenerated,
      vipProcessed: figures.counts.vip,
      normalProcessed: figures.counts.normal,
      failed: figures.counts.failed,
      cancelled: figures.counts.cancelled,
    },
    throughput: { vip: figures.throughput.vip, normal: figures.throughput.normal, overall: figures.throughput.overall },
    series: {
      recorded: recorded !== null,
      intervalMs: series.intervalMs,
      maxPoints: limits.maxPoints,
      recorders: (recorded?.recorders ?? []).map(({ name, since }) => ({ name, since: new Date(since).toISOString() })),
      points: ratedPoints(series.points).map((point) => ({
        at: new Date(point.at).toISOString(),
        elapsedMs: point.at - startedAt,
        vipProcessed: point.vip,
        normalProcessed: point.normal,
        failed: point.failed,
        vipPerSecond: point.vipPerSecond,
        normalPerSecond: point.normalPerSecond,
      })),
    },
  };
}
