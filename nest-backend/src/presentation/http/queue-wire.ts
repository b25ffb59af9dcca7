import { QueueHealth, QueueStatus } from '../../application/queue-admin/queue-admin.service';
import { JOB_STATES, JobCounts, JobState, QueuedJob, RemovableState } from '../../domain/ports/work-queue.port';

/**
 * The words of `/pedidos/queue…` and `/pedidos/health/queue` for job states, which are Bull's (the API spoke
 * them before the port had words of its own, and clients read them): a pending job is `waiting`, and
 * `POST /pedidos/queue/clean` calls the pending ones `wait`.
 */
const WIRE_STATE_OF = { pending: 'waiting', active: 'active', completed: 'completed', failed: 'failed', delayed: 'delayed', paused: 'paused' } as const satisfies Record<JobState, string>;
type WireJobState = (typeof WIRE_STATE_OF)[JobState];
const WIRE_CLEAN_STATE_OF = { completed: 'completed', failed: 'failed', delayed: 'delayed', pending: 'wait', paused: 'paused' } as const satisfies Record<RemovableState, string>;
type WireCleanState = (typeof WIRE_CLEAN_STATE_OF)[RemovableState];

export const WIRE_JOB_STATES: readonly WireJobState[] = JOB_STATES.map((state) => WIRE_STATE_OF[state]);
export const WIRE_CLEANABLE_STATES: readonly WireCleanState[] = ['completed', 'failed', 'delayed', 'wait', 'paused'];
export type { WireCleanState, WireJobState };

export function jobStateFromWire(wire: WireJobState): JobState {
  return JOB_STATES.find((state) => WIRE_STATE_OF[state] === wire)!;
}

export function removableStateFromWire(wire: WireCleanState): RemovableState {
  return (Object.keys(WIRE_CLEAN_STATE_OF) as RemovableState[]).find((state) => WIRE_CLEAN_STATE_OF[state] === wire)!;
}

export function wireCleanState(state: RemovableState): WireCleanState {
  return WIRE_CLEAN_STATE_OF[state];
}

export function wireCounts(counts: JobCounts): Record<WireJobState, number> {
  return Object.fromEntries(JOB_STATES.map((state) => [WIRE_STATE_OF[state], counts[state]])) as Record<WireJobState, number>;
}

export function wireQueueStatus({ paused, queues, totals }: QueueStatus) {
  return { paused, queues: { vip: wireCounts(queues.vip), normal: wireCounts(queues.normal) }, totals: wireCounts(totals) };
}

export function wireJobsPage({ jobs, total }: { jobs: QueuedJob[]; total: number }) {
  return { jobs: jobs.map((job) => ({ ...job, state: WIRE_STATE_OF[job.state] })), total };
}

export function wireQueueHealth(health: QueueHealth) {
  return { ...health, counts: wireCounts(health.counts) };
}
