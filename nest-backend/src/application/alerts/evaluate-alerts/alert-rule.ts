import { AlertCondition, AlertKind } from '../../../domain/alerts/alert';
import { ProcessRun } from '../../../domain/run';

/** What one check read once for every rule. */
export interface Observation {
  at: Date;
  /** The latest run with the workers' live counters folded in; null when there is none, undefined when it could not be read. */
  run: ProcessRun | null | undefined;
}

/** One kind of alert: which of its conditions hold at a check. */
export interface AlertRule {
  readonly kind: AlertKind;
  /** The conditions of this kind that hold now; null when this check cannot tell, so nothing of this kind opens or clears. */
  evaluate(observation: Observation): Promise<AlertCondition[] | null>;
}

export const seconds = (ms: number) => Math.round(ms / 1000);
