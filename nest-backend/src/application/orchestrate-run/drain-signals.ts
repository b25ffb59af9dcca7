import { Priority } from '../../domain/order';
import { LiveCounters, ProcessRun } from '../../domain/run';

const POLL_MIN_MS = 100;
const POLL_MAX_MS = 1_000;

/**
 * Orders of the lane that the live counters saw settled, and how many there are to settle. `failed`
 * is one figure for both lanes; while the VIP lane drains no NORMAL order has been processed yet.
 */
function laneProgress(run: ProcessRun, priority: Priority, live: LiveCounters): { settled: number; total: number } {
  if (priority === 'VIP') return { settled: live.vipProcessed + live.failed, total: run.vipGenerated };
  return { settled: live.vipProcessed + live.normalProcessed + live.failed, total: run.generated };
}

/**
 * The counters say every order of the lane is settled. Only a hint that the lane may have drained:
 * the counters can lag the database (a worker that died between its write and its count) but never
 * run ahead of it, so the orchestrator then asks the queue and the database.
 */
export function laneLooksSettled(run: ProcessRun, priority: Priority, live: LiveCounters | null): boolean {
  if (!live) return false;
  const { settled, total } = laneProgress(run, priority, live);
  return settled >= total;
}

/**
 * After the lane drained (no order of it pending): whether the live counters are exact, so the
 * recount over every order of the run can be skipped. Each counter only ever lags its true value,
 * so when they add up to every order that can be settled by now, none of them lags.
 * The VIP check holds on a first pass only: a retry of dead letters reopens a run whose NORMAL
 * orders were already counted, and is recounted.
 */
export function countersAreExact(run: ProcessRun, priority: Priority, live: LiveCounters | null): boolean {
  if (!live) return false;
  if (priority === 'VIP' && (run.processing.normal.count > 0 || live.normalProcessed > 0)) return false;
  const { settled, total } = laneProgress(run, priority, live);
  return settled === total;
}

/**
 * How long to wait before looking at the lane again, between 100 ms and 1 s: half the time the lane
 * still needs at its average rate so far, or, until its first job has reported, a quarter of the time
 * spent waiting. A long lane costs one counter read a second, and its end is seen within ~100 ms of
 * when the rate says it comes.
 */
export function drainPollDelay(run: ProcessRun, priority: Priority, live: LiveCounters | null, waitingSince: number, now: number): number {
  const { startedAt, processed, total } = laneProcessing(run, priority, live);
  const wait = startedAt == null || !processed || now <= startedAt ? (now - waitingSince) / 4 : ((total - processed) * (now - startedAt)) / processed / 2;
  return Math.round(Math.min(POLL_MAX_MS, Math.max(POLL_MIN_MS, wait)));
}

/** The lane's own figures: when its first job started, how many of its orders were processed, of how many. */
export function laneProcessing(run: ProcessRun, priority: Priority, live: LiveCounters | null): { startedAt: number | null; processed: number; total: number } {
  const vip = priority === 'VIP';
  return {
    startedAt: (vip ? live?.vipStart : live?.normalStart) ?? null,
    processed: (vip ? live?.vipProcessed : live?.normalProcessed) ?? 0,
    total: vip ? run.vipGenerated : run.normalGenerated,
  };
}
