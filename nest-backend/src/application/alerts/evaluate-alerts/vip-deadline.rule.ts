import { AlertCondition } from '../../../domain/alerts/alert';
import { inFirstVipPass } from '../../../domain/alerts/lane-work';
import { AlertRule, Observation, seconds } from './alert-rule';

/**
 * Every VIP order of a run should be processed within `vipDeadlineMs` of the run's start. Open while the first
 * VIP pass goes on past the deadline; it clears once the VIP drain is confirmed (or the run ends otherwise).
 */
export class VipDeadlineRule implements AlertRule {
  readonly kind = 'vip-deadline' as const;

  constructor(private readonly vipDeadlineMs: number) {}

  async evaluate({ at, run }: Observation): Promise<AlertCondition[] | null> {
    if (this.vipDeadlineMs === 0) return [];
    if (run === undefined) return null;
    if (!run || !inFirstVipPass(run)) return [];
    const elapsedMs = at.getTime() - run.createdAt.getTime();
    if (elapsedMs < this.vipDeadlineMs) return [];
    const settled = run.processing.vip.count + run.failed;
    return [
      {
        key: `vip-deadline:${run.runId}`,
        kind: this.kind,
        severity: 'critical',
        message: `VIP orders of run ${run.runId} are still not all processed ${seconds(elapsedMs)} s after it started (deadline ${seconds(this.vipDeadlineMs)} s), in ${run.phase}`,
        runId: run.runId,
        lane: 'VIP',
        details: { phase: run.phase, deadlineS: seconds(this.vipDeadlineMs), elapsedS: seconds(elapsedMs), vipSettled: settled, vipGenerated: run.vipGenerated },
      },
    ];
  }
}
