import type { Phase } from './phases';

/** `POST /pedidos/generate` and `POST /pedidos/process` (202). */
export interface GenerateResult {
  runId: string;
  phase: Phase;
  target: number;
  autoProcess: boolean;
}
export type ProcessResult = GenerateResult;

/** `POST /pedidos/cancel`. */
export interface CancelResult {
  runId: string;
  phase: 'ABORTED';
  counts: { vip: number; normal: number; failed: number; cancelled: number; removedPending: number };
}

/** `POST /pedidos/reset`. */
export interface ResetResult {
  deletedOrders: number;
  deletedRuns: number;
}
