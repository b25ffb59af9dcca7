import { ProcessRun, ProcessingWindow } from './run';
import { Phase, isTerminalPhase } from './run-phase';

/** A lane's processing at an instant: `end` stays null while the lane is still being processed. */
export interface WindowFigures {
  start: Date | null;
  end: Date | null;
  timeMs: number | null;
  count: number;
}

/** A run's timings, counts, throughput (orders per second) and ETA at one instant. */
export interface RunFigures {
  generationTimeMs: number | null;
  processing: { vip: WindowFigures; normal: WindowFigures };
  totalTimeMs: number;
  counts: { vip: number; normal: number; failed: number; cancelled: number };
  throughput: { vip: number; normal: number; overall: number; current: number };
  eta: { estimatedMs: number | null; progressPercent: number };
  progress: { target: number; generated: number; processedTotal: number; vipTarget: number; normalTarget: number };
}

export interface ProgressSample {
  at: number;
  processed: number;
}

const VIP_DONE_PHASES: Phase[] = ['ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN', 'DONE'];

/** Orders per second, 0 when no time has passed. */
export function rate(count: number, elapsedMs: number | null): number {
  if (!elapsedMs || elapsedMs <= 0) return 0;
  return Math.round((count * 1000) / elapsedMs);
}

/** The rate over the samples of the last `windowMs` (samples oldest first). */
export function currentRate(samples: readonly ProgressSample[], windowMs: number, now: number): number {
  const recent = samples.filter((sample) => now - sample.at <= windowMs);
  if (recent.length < 2) return 0;
  const first = recent[0];
  const last = recent[recent.length - 1];
  return rate(last.processed - first.processed, last.at - first.at);
}

function windowFigures(window: ProcessingWindow, finished: boolean, now: number): WindowFigures {
  const end = finished ? window.end : null;
  const timeMs = window.start === null ? null : Math.max(0, (end?.getTime() ?? now) - window.start.getTime());
  return { start: window.start, end, timeMs, count: window.count };
}

/** What `GET /pedidos` reports of a run (live counters already folded in) at instant `now`. */
export function runFigures(run: ProcessRun, now: Date, currentThroughput = 0): RunFigures {
  const nowMs = now.getTime();
  const terminal = isTerminalPhase(run.phase);
  const vip = windowFigures(run.processing.vip, terminal || VIP_DONE_PHASES.includes(run.phase), nowMs);
  const normal = windowFigures(run.processing.normal, terminal, nowMs);
  const processedTotal = vip.count + normal.count;

  const generationTimeMs = run.generationStartedAt
    ? (run.generationEndedAt ?? (terminal ? run.finishedAt ?? now : now)).getTime() - run.generationStartedAt.getTime()
    : null;
  const firstStart = vip.start ?? normal.start;
  const lastEnd = terminal ? (normal.end ?? vip.end) : null;
  const processingElapsed = firstStart ? (lastEnd?.getTime() ?? nowMs) - firstStart.getTime() : null;
  const overall = rate(processedTotal, processingElapsed);

  const settled = processedTotal + run.failed + run.cancelled;
  const remaining = Math.max(0, run.target - settled);
  const speed = currentThroughput || overall;
  const estimatedMs = terminal ? 0 : speed > 0 ? Math.round((remaining * 1000) / speed) : null;

  return {
    generationTimeMs,
    processing: { vip, normal },
    totalTimeMs: (run.finishedAt ?? now).getTime() - run.createdAt.getTime(),
    counts: { vip: vip.count, normal: normal.count, failed: run.failed, cancelled: run.cancelled },
    throughput: { vip: rate(vip.count, vip.timeMs), normal: rate(normal.count, normal.timeMs), overall, current: terminal ? 0 : currentThroughput },
    eta: {
      estimatedMs,
      progressPercent: run.target > 0 ? Math.round((1000 * (processedTotal + run.failed)) / run.target) / 10 : 0,
    },
    progress: {
      target: run.target,
      generated: run.generated,
      processedTotal,
      vipTarget: run.vipGenerated,
      normalTarget: run.normalGenerated,
    },
  };
}
