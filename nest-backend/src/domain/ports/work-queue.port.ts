import { Priority } from '../order';
import { OrderSlice } from '../order-slices';

/**
 * Where a job stands: `pending` until a worker takes it, `active` while one holds it, `delayed` while it waits
 * for a retry after a failed attempt, `paused` when it is pending in a paused lane.
 */
export const JOB_STATES = ['pending', 'active', 'completed', 'failed', 'delayed', 'paused'] as const;
export type JobState = (typeof JOB_STATES)[number];
/** Every state but `active`: a job a worker holds is not removed under it. */
export type RemovableState = Exclude<JobState, 'active'>;

export type JobCounts = Record<JobState, number>;

export interface QueuedJob {
  id: string;
  queue: 'vip' | 'normal';
  state: JobState;
  runId: string;
  priority: Priority;
  from: number;
  to: number;
  size: number;
  attemptsMade: number;
  failedReason: string | null;
  timestamp: number;
  processedOn: number | null;
  finishedOn: number | null;
}

/** A job a lane keeps, with its state and the slice it carries. */
export interface LaneJob {
  id: string;
  state: JobState | 'unknown';
  slice: OrderSlice;
}

/** Handles one slice; throws to make the queue retry it. */
export type SliceHandler = (slice: OrderSlice, attempt: { made: number; max: number }) => Promise<void>;
/** Called once a slice has failed for the last time. */
export type SliceGiveUpHandler = (slice: OrderSlice, reason: string) => Promise<void>;

/** The queue of order slices, one lane per priority. */
export abstract class WorkQueue {
  /**
   * Queues slices. Without `requeueTag` a slice already known to the queue (waiting, or kept as failed) is not
   * queued twice; a tag (unique per attempt, e.g. a repair's timestamp) queues it again as a new job.
   */
  abstract enqueue(slices: OrderSlice[], requeueTag?: string): Promise<void>;
  abstract counts(priority: Priority): Promise<JobCounts>;
  /** Jobs of a lane that are not finished: waiting, active, delayed or paused. */
  abstract unfinished(priority: Priority): Promise<number>;
  /** Removes every job that has not started (waiting, paused, delayed) from both lanes. */
  abstract discardQueued(): Promise<number>;
  abstract pause(): Promise<void>;
  abstract resume(): Promise<void>;
  abstract isPaused(): Promise<boolean>;
  /** Removes the jobs in this state from both lanes; returns how many it removed. */
  abstract removeInState(state: RemovableState): Promise<number>;
  /** Pages through the jobs in these states (start and end inclusive), VIP lane first, state by state. */
  abstract jobs(states: JobState[], start: number, end: number): Promise<{ jobs: QueuedJob[]; total: number }>;
  /** Removes every job of both lanes, whatever its state, and leaves them unpaused. */
  abstract removeAll(): Promise<void>;
  /** The job of the lane with this id, or null when the lane keeps none. */
  abstract findJob(priority: Priority, id: string): Promise<LaneJob | null>;
  /** Every failed job the lane keeps (at most QUEUE_KEEP_FAILED_JOBS). */
  abstract failedJobs(priority: Priority): Promise<LaneJob[]>;
  /** Removes these jobs of the lane that are still failed; returns how many it removed. */
  abstract removeFailed(priority: Priority, ids: readonly string[]): Promise<number>;
  /** Starts consuming both lanes in this process. */
  abstract consume(concurrency: number, handle: SliceHandler, giveUp: SliceGiveUpHandler): Promise<void>;
}
