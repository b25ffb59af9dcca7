import type { ProcessingWindow, RunFiguresView, StatusSnapshot } from '@pedidos/contract';
import { WindowFigures, runFigures } from '../../domain/metrics';
import { ProcessRun } from '../../domain/run';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A lane's window as clients see it: instants as ISO strings. */
export function windowView({ start, end, timeMs, count }: WindowFigures): ProcessingWindow {
  return { start: iso(start), end: iso(end), timeMs, count };
}

/** A run's figures at instant `now` as the status and the run history show them. */
export function figuresView(run: ProcessRun, now: Date, currentThroughput = 0): RunFiguresView {
  const figures = runFigures(run, now, currentThroughput);
  return {
    phase: run.phase,
    awaitingProcess: run.awaitingProcess,
    generationTimeMs: figures.generationTimeMs,
    enqueueVipTimeMs: run.enqueueVipTimeMs,
    enqueueNormalTimeMs: run.enqueueNormalTimeMs,
    processing: { vip: windowView(figures.processing.vip), normal: windowView(figures.processing.normal) },
    totalTimeMs: figures.totalTimeMs,
    counts: figures.counts,
    throughput: figures.throughput,
    eta: figures.eta,
    progress: figures.progress,
  };
}

export function emptyStatusView(now: Date): StatusSnapshot {
  const idleWindow = { start: null, end: null, timeMs: null, count: 0 };
  return {
    lastRunId: null,
    phase: 'IDLE',
    awaitingProcess: false,
    generationTimeMs: null,
    enqueueVipTimeMs: null,
    enqueueNormalTimeMs: null,
    processing: { vip: { ...idleWindow }, normal: { ...idleWindow } },
    totalTimeMs: null,
    counts: { vip: 0, normal: 0, failed: 0, cancelled: 0 },
    throughput: { vip: 0, normal: 0, overall: 0, current: 0 },
    eta: { estimatedMs: null, progressPercent: 0 },
    progress: { target: 0, generated: 0, processedTotal: 0, vipTarget: 0, normalTarget: 0 },
    updatedAt: now.toISOString(),
  };
}

/** The body of `GET /pedidos` and of the `progress` socket event for the latest run (or none) at instant `now`. */
export function statusView(run: ProcessRun | null, now: Date, currentThroughput = 0): StatusSnapshot {
  if (!run) return emptyStatusView(now);
  return { lastRunId: run.runId, ...figuresView(run, now, currentThroughput), updatedAt: now.toISOString() };
}
