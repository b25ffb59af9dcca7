import { Priority } from '../order';
import { ProcessRun } from '../run';
import { isActivePhase } from '../run-phase';

/**
 * Whether a lane of the run has orders handed to the queue and not yet settled, from the run record alone
 * (no queue read). In its drain phase a lane has work until the drain is confirmed; before that only what
 * was queued counts (VIP slices are queued while orders are generated; NORMAL ones only after the VIP drain).
 */
export function laneHasWork(run: ProcessRun, lane: Priority): boolean {
  if (!isActivePhase(run.phase) || run.awaitingProcess) return false;
  if (lane === 'VIP') {
    if (run.phase === 'WAITING_VIP_DRAIN') return true;
    // Before the NORMAL lane exists every failed order is a VIP one.
    if (run.phase === 'GENERATING' || run.phase === 'ENQUEUE_VIP') return run.vipEnqueued > run.processing.vip.count + run.failed;
    return false;
  }
  if (run.phase === 'WAITING_NORMAL_DRAIN') return true;
  if (run.phase === 'ENQUEUE_NORMAL') return run.normalEnqueued > run.processing.normal.count;
  return false;
}

/** What moves when a lane makes progress: its processed orders, and orders given up for good (counted for the run). */
export function laneProgress(run: ProcessRun, lane: Priority): number {
  return (lane === 'VIP' ? run.processing.vip.count : run.processing.normal.count) + run.failed;
}

/**
 * Whether the run is in its first VIP pass, the one a VIP deadline is measured on: generated with
 * autoProcess, its VIP orders not all drained yet, and not reopened by a dead-letter retry (NORMAL slices
 * are only queued after the VIP drain, so a run in a VIP phase with NORMAL slices queued was reopened).
 */
export function inFirstVipPass(run: ProcessRun): boolean {
  const vipPhase = run.phase === 'GENERATING' || run.phase === 'ENQUEUE_VIP' || run.phase === 'WAITING_VIP_DRAIN';
  return vipPhase && run.autoProcess && run.normalEnqueued === 0;
}
