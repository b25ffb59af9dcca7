import { AlertCondition } from '../../../domain/alerts/alert';
import { AlertRule, Observation } from './alert-rule';

/** The latest run ended in ERROR; it stays open until another run starts or a reset removes the run. */
export class RunErrorRule implements AlertRule {
  readonly kind = 'run-error' as const;

  async evaluate({ run }: Observation): Promise<AlertCondition[] | null> {
    if (run === undefined) return null;
    if (!run || run.phase !== 'ERROR') return [];
    const reason = run.errorReason ?? 'no reason recorded';
    return [
      {
        key: `run-error:${run.runId}`,
        kind: this.kind,
        severity: 'critical',
        message: `run ${run.runId} ended in ERROR: ${reason}`,
        runId: run.runId,
        lane: null,
        details: { reason, target: run.target, processed: run.processing.vip.count + run.processing.normal.count, failed: run.failed },
      },
    ];
  }
}
