import type { Lane, Phase, Priority } from './phases';

/** Job states as `GET /pedidos/queue/jobs?types=` takes them and as counts and jobs report them. */
export const JOB_STATES = ['waiting', 'active', 'completed', 'failed', 'delayed', 'paused'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** `POST /pedidos/queue/clean?state=` (Bull's names: `wait` is the waiting list). */
export const CLEANABLE_STATES = ['completed', 'failed', 'delayed', 'wait', 'paused'] as const;
export type CleanableState = (typeof CLEANABLE_STATES)[number];

export type QueueCounts = Record<JobState, number>;

/** `GET /pedidos/queue/status`; `POST /pedidos/queue/pause` and `/resume` answer with it too. */
export interface QueueStatus {
  paused: boolean;
  queues: Record<Lane, QueueCounts>;
  totals: QueueCounts;
}

export interface QueueJob {
  id: string;
  queue: Lane;
  state: JobState;
  runId: string;
  priority: Priority;
  /** The slice's orders have `seq` in [from, to). */
  from: number;
  to: number;
  size: number;
  attemptsMade: number;
  failedReason: string | null;
  timestamp: number;
  processedOn: number | null;
  finishedOn: number | null;
}

/** `GET /pedidos/queue/jobs`. */
export interface QueueJobsPage {
  jobs: QueueJob[];
  total: number;
}

/** `POST /pedidos/queue/clean`. */
export interface CleanResult {
  state: CleanableState;
  removed: number;
}

/** `GET /pedidos/health/queue`. */
export interface QueueHealth {
  status: 'healthy' | 'degraded' | 'paused' | 'aborted' | 'error';
  reasons: string[];
  phase: Phase;
  runId: string | null;
  paused: boolean;
  stuck: boolean;
  counts: QueueCounts;
  lastProgressAt: string | null;
}
