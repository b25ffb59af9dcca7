import { ProcessRun, ProcessingWindow } from './run';
import { Phase, isTerminalPhase } from './run-phase';

export interface WindowView {
  start: string | null;
  end: string | null;
  timeMs: number | null;
  count: number;
}

/** The body of `GET /pedidos` and of the `progress` socket event. */
export interface StatusSnapshot {
  lastRunId: string | null;
  phase: Phase;
  awaitingProcess: boolean;
  generationTimeMs: number | null;
  enqueueVipTimeMs: number | null;
  enqueueNormalTimeMs: number | null;
  processing: { vip: WindowView; normal: WindowView };
  totalTimeMs: number | null;
  counts: { vip: number; normal: number; failed: number; cancelled: number };
  throughput: { vip: number; normal: number; overall: number; current: number };
  eta: { estimatedMs: number | null; progressPercent: number };
  progress: { target: number; generated: number; processedTotal: number; vipTarget: number; normalTarget: number };
  updatedAt: string;
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

function windowView(window: ProcessingWindow, finished: boolean, now: number): WindowView {
  const start = window.start?.getTime() ?? null;
  const end = finished ? (window.end?.getTime() ?? null) : null;
  const timeMs = start === null ? null : (end ?? now) - start;
  return {
    start: window.start?.toISOString() ?? null,
    end: end === null ? null : new Date(end).toISOString(),
    timeMs: timeMs === null ? null : Math.max(0, timeMs),
    count: window.count,
  };
}

export function emptySnapshot(now: Date): StatusSnapshot {
  return {
    lastRunId: null,
    phase: 'IDLE',
    awaitingProcess: false,
    generationTimeMs: null,
    enqueueVipTimeMs: null,
    enqueueNormalTimeMs: null,
    processing: {
      vip: { start: null, end: null, timeMs: null, count: 0 },
      normal: { start: null, end: null, timeMs: null, count: 0 },
    },
    totalTimeMs: null,
    counts: { vip: 0, normal: 0, failed: 0, cancelled: 0 },
    throughput: { vip: 0, normal: 0, overall: 0, current: 0 },
    eta: { estimatedMs: null, progressPercent: 0 },
    progress: { target: 0, generated: 0, processedTotal: 0, vipTarget: 0, normalTarget: 0 },
    updatedAt: now.toISOString(),
  };
}

/** Everything `GET /pedidos` reports, derived from a run (live counters already folded in) at instant `now`. */
export function buildSnapshot(run: ProcessRun | null, now: Date, currentThroughput = 0): StatusSnapshot {
  if (!run) return emptySnapshot(now);
  const nowMs = now.getTime();
  const terminal = isTerminalPhase(run.phase);
  const vip = windowView(run.processing.vip, terminal || VIP_DONE_PHASES.includes(run.phase), nowMs);
  const normal = windowView(run.processing.normal, terminal, nowMs);
  const processedTotal = vip.count + normal.count;

  const generationTimeMs = run.generationStartedAt
    ? (run.generationEndedAt ?? (terminal ? run.finishedAt ?? now : now)).getTime() - run.generationStartedAt.getTime()
    : null;
  const firstStart = vip.start ?? normal.start;
  const lastEnd = terminal ? (normal.end ?? vip.end) : null;
  const processingElapsed = firstStart ? (lastEnd ? Date.parse(lastEnd) : nowMs) - Date.parse(firstStart) : null;
  const overall = rate(processedTotal, processingElapsed);

  const settled = processedTotal + run.failed + run.cancelled;
  const remaining = Math.max(0, run.target - settled);
  const speed = currentThroughput || overall;
  const estimatedMs = terminal ? 0 : speed > 0 ? Math.round((remaining * 1000) / speed) : null;

  return {
    lastRunId: run.runId,
    phase: run.phase,
    awaitingProcess: run.awaitingProcess,
    generationTimeMs,
    enqueueVipTimeMs: run.enqueueVipTimeMs,
    enqueueNormalTimeMs: run.enqueueNormalTimeMs,
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
    updatedAt: now.toISOString(),
  };
}
