import { Injectable } from '@nestjs/common';
import { Priority } from '../../domain/order';
import { sliceRange } from '../../domain/order-slices';
import { RunStore } from '../../domain/ports/run-store.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { ProcessRun } from '../../domain/run';
import { RunLog } from '../run-log/run-log.service';
import { StopSignal } from './stop-signal';

/** Jobs handed to the queue at once; the lane's high-water mark is recorded after each batch. */
const ENQUEUE_BATCH = 1_000;

/** The ENQUEUE_VIP and ENQUEUE_NORMAL steps: hand a lane's stored orders to the queue, job by job. */
@Injectable()
export class LaneEnqueue {
  constructor(
    private readonly queue: WorkQueue,
    private readonly runs: RunStore,
    private readonly log: RunLog,
  ) {}

  /** Queues every slice past the lane's high-water mark, recording the mark as it goes, so a restart queues none twice. */
  async enqueueRest(run: ProcessRun, priority: Priority, stop: StopSignal): Promise<void> {
    const vip = priority === 'VIP';
    const end = vip ? run.vipGenerated : run.normalGenerated;
    let enqueued = vip ? run.vipEnqueued : run.normalEnqueued;
    let spentMs = vip ? run.enqueueVipTimeMs : run.enqueueNormalTimeMs;
    const perJob = run.ordersPerJob;
    while (enqueued < end) {
      await stop.throwIfCancelled();
      const batchEnd = Math.min(end, enqueued + ENQUEUE_BATCH * perJob);
      const started = Date.now();
      await this.queue.enqueue(sliceRange(run.runId, priority, enqueued, batchEnd, perJob));
      spentMs += Date.now() - started;
      enqueued = batchEnd;
      await this.runs.update(
        run.runId,
        vip ? { vipEnqueued: enqueued, enqueueVipTimeMs: spentMs } : { normalEnqueued: enqueued, enqueueNormalTimeMs: spentMs },
      );
    }
    this.log.info(`run ${run.runId}: ${end} ${priority} orders queued in ${spentMs} ms`);
  }
}
