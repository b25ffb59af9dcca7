import { AlertCondition } from '../../../domain/alerts/alert';
import { AlertRule, Observation, seconds } from './alert-rule';

const SERVICE_NAMES = { 'queue-unreachable': 'the queue (Redis)', 'database-unreachable': 'the database (MongoDB)' } as const;

/** A service this process cannot reach for `afterMs` in a row; clears on the first check that reaches it. */
export class UnreachableRule implements AlertRule {
  private downSince: number | null = null;

  constructor(
    readonly kind: 'queue-unreachable' | 'database-unreachable',
    private readonly afterMs: number,
    private readonly reachable: () => Promise<boolean>,
  ) {}

  async evaluate({ at }: Observation): Promise<AlertCondition[] | null> {
    if (this.afterMs === 0) return [];
    if (await this.reachable()) {
      this.downSince = null;
      return [];
    }
    this.downSince ??= at.getTime();
    const downMs = at.getTime() - this.downSince;
    if (downMs < this.afterMs) return [];
    return [
      {
        key: this.kind,
        kind: this.kind,
        severity: 'critical',
        message: `${SERVICE_NAMES[this.kind]} has been unreachable for ${seconds(downMs)} s`,
        runId: null,
        lane: null,
        details: { unreachableForS: seconds(downMs), thresholdS: seconds(this.afterMs), since: new Date(this.downSince).toISOString() },
      },
    ];
  }
}
