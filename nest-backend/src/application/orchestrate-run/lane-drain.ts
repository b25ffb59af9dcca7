import { Injectable } from '@nestjs/common';
import { Priority } from '../../domain/order';
import { PipelineMetrics } from '../../domain/ports/pipeline-metrics.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { LiveCounters, ProcessRun } from '../../domain/run';
import { PipelineSettings } from '../pipeline-settings';
import { RunLog } from '../run-log/run-log.service';
import { DrainedLaneFigures } from './drained-lane-figures';
import { drainPollDelay, laneLooksSettled, laneProcessing } from './drain-signals';
import { IdleLane, LaneRepair } from './lane-repair';
import { ProgressThrottle } from './progress-throttle';
import { sleep } from './sleep';
import { StopSignal } from './stop-signal';

/** While the counters do not say a lane is settled, the queue and the database are still asked this often. */
const AUDIT_EVERY_MS = 5_000;
/** How often an idle lane with orders pending is looked at until its repair is due. */
const IDLE_POLL_MS = 100;

/** The WAITING_VIP_DRAIN and WAITING_NORMAL_DRAIN steps: wait until a lane has drained, repairing it if it lost jobs. */
@Injectable()
export class LaneDrain {
  constructor(
    private readonly counters: RunCounters,
    private readonly repair: LaneRepair,
    private readonly figures: DrainedLaneFigures,
    private readonly metrics: PipelineMetrics,
    private readonly settings: PipelineSettings,
    private readonly log: RunLog,
  ) {}

  /** Returns once no job of the lane is left and no order of it is pending, with the run's figures reconciled. */
  async drain(run: ProcessRun, priority: Priority, stop: StopSignal): Promise<Partial<ProcessRun>> {
    const live = await this.awaitDrained(run, priority, stop);
    return this.figures.reconcile(run, priority, live);
  }

  /**
   * Each poll reads the live counters (one Redis command); the queue and the database are asked only when
   * the counters say the lane is settled, and every few seconds in case they lag. A lane that stays idle
   * while orders are pending lost jobs: they are queued again.
   */
  private async awaitDrained(run: ProcessRun, priority: Priority, stop: StopSignal): Promise<LiveCounters | null> {
    const waitingSince = Date.now();
    const lane = new IdleLane();
    const progress = new ProgressThrottle(this.settings.logProgressEveryMs);
    let lastAudit = waitingSince;
    for (;;) {
      stop.throwIfStopped();
      const live = await this.counters.read(run.runId);
      const now = Date.now();
      if (lane.idle || laneLooksSettled(run, priority, live) || now - lastAudit >= AUDIT_EVERY_MS) {
        lastAudit = now;
        const pending = await this.repair.pendingWithIdleLane(run.runId, priority);
        if (pending === 0) {
          this.metrics.laneDrained(priority, (Date.now() - waitingSince) / 1000);
          return live;
        }
        if (pending === null) {
          lane.busy();
        } else if (lane.repairDue(now)) {
          await stop.throwIfCancelled();
          lane.repairing(pending, priority);
          await this.repair.requeuePending(run, priority, pending);
        }
      }
      const { processed, total } = laneProcessing(run, priority, live);
      if (progress.due(processed, now)) this.log.info(`run ${run.runId}: ${processed} of ${total} ${priority} orders processed`);
      await sleep(lane.idle ? IDLE_POLL_MS : drainPollDelay(run, priority, live, waitingSince, now));
    }
  }
}
