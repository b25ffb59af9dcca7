import { Priority } from './order';
import { Phase } from './run-phase';

/** When the first job of a priority started and the last one finished, and how many orders it processed. */
export interface ProcessingWindow {
  start: Date | null;
  end: Date | null;
  count: number;
}

/** One run of the pipeline, as persisted in `process_runs`. */
export interface ProcessRun {
  runId: string;
  phase: Phase;
  target: number;
  autoProcess: boolean;
  /** Orders per job, fixed when the run starts: the orders' job keys and the queued slices use it, so a restart with another `ORDERS_PER_JOB` resumes the run as it began. */
  ordersPerJob: number;
  /** Generation finished in a two-step run; `POST /pedidos/process` moves it on. */
  awaitingProcess: boolean;
  generated: number;
  vipGenerated: number;
  normalGenerated: number;
  /** High-water marks of the `seq` ranges already handed to the queue. */
  vipEnqueued: number;
  normalEnqueued: number;
  generationStartedAt: Date | null;
  generationEndedAt: Date | null;
  enqueueVipTimeMs: number;
  enqueueNormalTimeMs: number;
  processing: Record<'vip' | 'normal', ProcessingWindow>;
  failed: number;
  /** Orders of an aborted run that were never processed. */
  cancelled: number;
  createdAt: Date;
  finishedAt: Date | null;
  errorReason: string | null;
  updatedAt: Date;
}

/** Counters the workers keep as they go (in Redis); timestamps in epoch milliseconds. */
export interface LiveCounters {
  vipProcessed: number;
  normalProcessed: number;
  failed: number;
  vipStart: number | null;
  vipEnd: number | null;
  normalStart: number | null;
  normalEnd: number | null;
}

export function priorityKey(priority: Priority): 'vip' | 'normal' {
  return priority === 'VIP' ? 'vip' : 'normal';
}

export function newRun(runId: string, target: number, autoProcess: boolean, now: Date, ordersPerJob: number): ProcessRun {
  return {
    runId,
    phase: 'GENERATING',
    target,
    autoProcess,
    ordersPerJob,
    awaitingProcess: false,
    generated: 0,
    vipGenerated: 0,
    normalGenerated: 0,
    vipEnqueued: 0,
    normalEnqueued: 0,
    generationStartedAt: now,
    generationEndedAt: null,
    enqueueVipTimeMs: 0,
    enqueueNormalTimeMs: 0,
    processing: { vip: { start: null, end: null, count: 0 }, normal: { start: null, end: null, count: 0 } },
    failed: 0,
    cancelled: 0,
    createdAt: now,
    finishedAt: null,
    errorReason: null,
    updatedAt: now,
  };
}

/** The run with the workers' live counters folded in; a finished run's persisted figures are final. */
export function withLiveCounters(run: ProcessRun, live: LiveCounters | null): ProcessRun {
  if (!live || run.finishedAt) return run;
  const window = (persisted: ProcessingWindow, count: number, start: number | null, end: number | null): ProcessingWindow => ({
    count: Math.max(persisted.count, count),
    start: start !== null ? new Date(start) : persisted.start,
    end: end !== null ? new Date(end) : persisted.end,
  });
  return {
    ...run,
    failed: Math.max(run.failed, live.failed),
    processing: {
      vip: window(run.processing.vip, live.vipProcessed, live.vipStart, live.vipEnd),
      normal: window(run.processing.normal, live.normalProcessed, live.normalStart, live.normalEnd),
    },
  };
}

/** Processing windows with counts recounted from the database and timestamps from the live counters when known. */
export function recountedWindows(
  run: ProcessRun,
  recount: { vipProcessed: number; normalProcessed: number },
  live: LiveCounters | null,
): ProcessRun['processing'] {
  const at = (ms: number | null | undefined, fallback: Date | null) => (ms ? new Date(ms) : fallback);
  return {
    vip: { count: recount.vipProcessed, start: at(live?.vipStart, run.processing.vip.start), end: at(live?.vipEnd, run.processing.vip.end) },
    normal: {
      count: recount.normalProcessed,
      start: at(live?.normalStart, run.processing.normal.start),
      end: at(live?.normalEnd, run.processing.normal.end),
    },
  };
}
