import { WindowView, buildSnapshot } from '../../domain/metrics';
import { ProcessRun } from '../../domain/run';
import { Phase } from '../../domain/run-phase';
import { RecordedSeries, SeriesLimits, closeSeries, ratedPoints, runPoint, startSeries } from '../../domain/throughput-series';

/** One point of a run's throughput series as a report shows it. */
export interface ReportPoint {
  at: string;
  /** Since the run was created. */
  elapsedMs: number;
  vipProcessed: number;
  normalProcessed: number;
  failed: number;
  /** Orders per second over the interval that ends at this point (0 for the first). */
  vipPerSecond: number;
  normalPerSecond: number;
}

/** The body of `GET /pedidos/runs/:runId/report`: everything a user keeps of a run. */
export interface RunReport {
  runId: string;
  phase: Phase;
  errorReason: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When this report was made; a running run's figures are as of then. */
  reportedAt: string;
  settings: { target: number; autoProcess: boolean; ordersPerJob: number };
  timings: {
    generationStartedAt: string | null;
    generationEndedAt: string | null;
    generationTimeMs: number | null;
    enqueueVipTimeMs: number | null;
    enqueueNormalTimeMs: number | null;
    vip: Omit<WindowView, 'count'>;
    normal: Omit<WindowView, 'count'>;
    totalTimeMs: number | null;
  };
  counts: { generated: number; vipGenerated: number; normalGenerated: number; vipProcessed: number; normalProcessed: number; failed: number; cancelled: number };
  /** Average orders per second of each lane over its processing window, and of both over the run's processing. */
  throughput: { vip: number; normal: number; overall: number };
  series: {
    /** False when nothing was recorded for the run (it ran before series were kept): the points are then its start and end only. */
    recorded: boolean;
    intervalMs: number;
    maxPoints: number;
    recorders: { name: string; since: string }[];
    points: ReportPoint[];
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;
const withoutCount = ({ start, end, timeMs }: WindowView) => ({ start, end, timeMs });

/**
 * The report of a run (live counters already folded in) at instant `now`. Its series ends with the run's
 * own figures, at the run's end or, while it runs, now: the last point always equals the counts.
 */
export function buildRunReport(run: ProcessRun, recorded: RecordedSeries | null, now: Date, limits: SeriesLimits): RunReport {
  const figures = buildSnapshot(run, now);
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
      enqueueVipTimeMs: figures.enqueueVipTimeMs,
      enqueueNormalTimeMs: figures.enqueueNormalTimeMs,
      vip: withoutCount(figures.processing.vip),
      normal: withoutCount(figures.processing.normal),
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
