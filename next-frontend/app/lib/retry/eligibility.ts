import type { Phase } from '@pedidos/contract';
import { isActivePhase } from '../phases';

export type RetryBlock = 'unknown' | 'active' | 'notDone' | 'otherRun';

/**
 * Why the failed orders of `runId` cannot be retried now, or null when they can (the backend's rule, docs/api.md):
 * only the latest run's, once it is DONE and no run is active. Until the status is known nothing is retried.
 */
export function retryBlock(latest: { lastRunId: string | null; phase: Phase } | undefined, runId?: string | null): RetryBlock | null {
  if (!latest) return 'unknown';
  if (isActivePhase(latest.phase)) return 'active';
  if (runId !== undefined && runId !== latest.lastRunId) return 'otherRun';
  if (latest.phase !== 'DONE') return 'notDone';
  return null;
}
