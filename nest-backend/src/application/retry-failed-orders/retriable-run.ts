import { DomainError, NothingToProcessError, RunAlreadyActiveError } from '../../domain/errors';
import { ProcessRun } from '../../domain/run';
import { isActivePhase } from '../../domain/run-phase';

/**
 * Why the failed orders of `runId` (the latest run's when absent) cannot be retried now, or null when they can.
 * Only the latest run, once DONE and with no run active: its failed orders then drain in a reopened run, VIP first.
 * While a run is active (a reopened one too) a retry waits: a VIP order put back to pending after its run's VIP
 * drain would be left behind, and a NORMAL one could run while VIP orders still wait.
 */
export function retryRefusal(latest: ProcessRun | null, runId?: string): DomainError | null {
  if (!latest) return new NothingToProcessError('there is no run, so no failed order to retry');
  if (isActivePhase(latest.phase)) return new RunAlreadyActiveError(latest.runId, latest.phase);
  if (runId !== undefined && runId !== latest.runId) {
    return new NothingToProcessError(`run ${runId} is not the latest run (${latest.runId}); only the latest run's failed orders can be retried`);
  }
  if (latest.phase !== 'DONE') return new NothingToProcessError(`the latest run ${latest.runId} ended ${latest.phase}; only a DONE run's failed orders can be retried`);
  return null;
}

/** Throws the refusal of `retryRefusal`; afterwards `latest` is the run to retry. */
export function assertRetriable(latest: ProcessRun | null, runId?: string): asserts latest is ProcessRun {
  const refusal = retryRefusal(latest, runId);
  if (refusal) throw refusal;
}
