import type { Lane, Priority } from './phases';

/** `POST /pedidos/queue/failed/retry?lane=` and `POST /pedidos/queue/failed/:lane/:jobId/retry` (docs/api.md). */
export interface FailedJobsRetried {
  runId: string;
  lane: Lane;
  /** Failed jobs taken out of the lane. */
  jobs: number;
  /** Their failed orders, pending again. */
  requeued: number;
  /** Failed jobs of earlier runs, left as they are. */
  skipped: number;
}

/** `POST /pedidos/dead-letters/retry`. */
export interface DeadLettersRetried {
  runId: string;
  requeued: number;
}

/** An order that failed every attempt (`GET /pedidos/dead-letters`). */
export interface OrderDeadLetter {
  runId: string;
  orderId: string;
  priority: Priority;
  seq: number;
  reason: string;
  attempts: number;
  failedAt: string;
  retriedAt: string | null;
}

export interface OrderDeadLettersPage {
  items: OrderDeadLetter[];
  total: number;
  page: number;
  limit: number;
}

/** The most orders one selection may name (the backend's MAX_RETRY_SELECTION). */
export const MAX_RETRY_SELECTION = 1000;
