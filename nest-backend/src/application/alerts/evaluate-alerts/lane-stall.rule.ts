import { AlertCondition } from '../../../domain/alerts/alert';
import { laneHasWork, laneProgress } from '../../../domain/alerts/lane-work';
import { Priority } from '../../../domain/order';
import { ProcessRun } from '../../../domain/run';
import { AlertRule, Observation, seconds } from './alert-rule';

const LANES: Priority[] = ['VIP', 'NORMAL'];

interface LaneClock {
  runId: string;
  progress: number;
  stillSince: number;
}

/**
 * A lane that has work and makes no progress for `stallAfterMs` is stalled, paused or not: an operator's pause
 * holds the run as surely as a dead worker, and the alert says which. Progress is seen when a job finishes (its
 * orders are counted then), so the threshold must exceed the longest job. The clock starts when the lane gets work.
 */
export class LaneStallRule implements AlertRule {
  readonly kind = 'lane-stalled' as const;
  private readonly clocks = new Map<Priority, LaneClock>();

  constructor(
    private readonly stallAfterMs: number,
    private readonly queuePaused: () => Promise<boolean>,
  ) {}

  async evaluate({ at, run }: Observation): Promise<AlertCondition[] | null> {
    if (this.stallAfterMs === 0) return [];
    if (run === undefined) return null;
    const stalled: { lane: Priority; run: ProcessRun; stillMs: number }[] = [];
    for (const lane of LANES) {
      if (!run || !laneHasWork(run, lane)) {
        this.clocks.delete(lane);
        continue;
      }
      const progress = laneProgress(run, lane);
      const clock = this.clocks.get(lane);
      if (!clock || clock.runId !== run.runId || clock.progress !== progress) {
        this.clocks.set(lane, { runId: run.runId, progress, stillSince: at.getTime() });
        continue;
      }
      const stillMs = at.getTime() - clock.stillSince;
      if (stillMs >= this.stallAfterMs) stalled.push({ lane, run, stillMs });
    }
    if (stalled.length === 0) return [];
    const paused = await this.queuePaused().catch(() => null);
    return stalled.map(({ lane, run: stalledRun, stillMs }) => this.condition(lane, stalledRun, stillMs, paused));
  }

  private condition(lane: Priority, run: ProcessRun, stillMs: number, paused: boolean | null): AlertCondition {
    const why = paused ? ' (the queue is paused)' : '';
    return {
      key: `lane-stalled:${lane}`,
      kind: this.kind,
      severity: 'warning',
      message: `${lane} lane of run ${run.runId} made no progress for ${seconds(stillMs)} s while it has work, in ${run.phase}${why}`,
      runId: run.runId,
      lane,
      details: { phase: run.phase, stalledForS: seconds(stillMs), thresholdS: seconds(this.stallAfterMs), processed: laneProgress(run, lane), paused },
    };
  }
}
