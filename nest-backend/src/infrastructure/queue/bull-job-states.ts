import type { JobCounts as BullJobCounts, JobStatus, JobStatusClean } from 'bull';
import { JOB_STATES, JobCounts, JobState, RemovableState } from '../../domain/ports/work-queue.port';

/** Bull's name of each state of the port: it calls a pending job `waiting`. */
const BULL_STATE_OF: Record<JobState, JobStatus> = { pending: 'waiting', active: 'active', completed: 'completed', failed: 'failed', delayed: 'delayed', paused: 'paused' };

/** The states Bull counts jobs in (`getJobCounts`), in its own words. */
export const BULL_JOB_STATES: readonly JobStatus[] = JOB_STATES.map((state) => BULL_STATE_OF[state]);

export function bullStateOf(state: JobState): JobStatus {
  return BULL_STATE_OF[state];
}

/** The state of a job as `Job.getState()` names it, or null for one the port does not know (e.g. `stuck`). */
export function jobStateOf(bullState: string): JobState | null {
  return JOB_STATES.find((state) => BULL_STATE_OF[state] === bullState) ?? null;
}

/** `Queue.clean` names the pending jobs `wait` (the list it empties), not `waiting`. */
export function bullCleanStateOf(state: RemovableState): JobStatusClean {
  return state === 'pending' ? 'wait' : state;
}

/** Bull's counts in the port's words (Bull 3's typings omit `paused`, which it does count). */
export function jobCountsOf(counts: BullJobCounts): JobCounts {
  const byBullState = counts as unknown as Partial<Record<JobStatus, number>>;
  return Object.fromEntries(JOB_STATES.map((state) => [state, byBullState[BULL_STATE_OF[state]] ?? 0])) as JobCounts;
}
