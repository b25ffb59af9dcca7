import { Injectable } from '@nestjs/common';
import { lastFullSliceEnd, sliceRange } from '../../domain/order-slices';
import { OrderStore } from '../../domain/ports/order-store.port';
import { PipelineMetrics } from '../../domain/ports/pipeline-metrics.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { ProcessRun } from '../../domain/run';
import { OrderBatchPlace, makeOrders } from '../generate-orders/order-factory';
import { PipelineSettings } from '../pipeline-settings';
import { RunLog } from '../run-log/run-log.service';
import { ProgressThrottle } from './progress-throttle';
import { StopSignal } from './stop-signal';

/** Chunks stored at once: the next one is built and sent while the database stores the one before. */
const INSERTS_IN_FLIGHT = 2;

type GenerationMarks = Pick<ProcessRun, 'generated' | 'vipGenerated' | 'normalGenerated'>;

/** A chunk on its way to the database, and the run's marks to record once it is stored. */
interface StoringChunk {
  stored: Promise<void>;
  marks: GenerationMarks;
}

/** How far the VIP lane was handed to the queue during generation, and the time that took. */
interface VipQueued {
  upTo: number;
  spentMs: number;
}

/**
 * The GENERATING step: stores the run's orders chunk by chunk, two chunks in flight, recording after each
 * chunk how many orders of each priority are stored. In a one-step run, full VIP slices are queued as they
 * are stored, so VIP processing starts before generation ends.
 */
@Injectable()
export class GenerationPipeline {
  constructor(
    private readonly orders: OrderStore,
    private readonly runs: RunStore,
    private readonly queue: WorkQueue,
    private readonly settings: PipelineSettings,
    private readonly metrics: PipelineMetrics,
    private readonly log: RunLog,
  ) {}

  /** Stores every order the run still lacks, resuming from its recorded marks; returns when generation ended. */
  async generate(run: ProcessRun, stop: StopSignal): Promise<Date> {
    const { runId, target } = run;
    // The run's own job size, not this process's ORDERS_PER_JOB: a restart with another setting resumes as the run began.
    const place: OrderBatchPlace = { runId, ordersPerJob: run.ordersPerJob, cursor: { vip: run.vipGenerated, normal: run.normalGenerated } };
    await this.dropUnrecordedChunk(run);
    const vipQueued: VipQueued = { upTo: run.vipEnqueued, spentMs: run.enqueueVipTimeMs };
    const progress = new ProgressThrottle(this.settings.logProgressEveryMs);
    const inFlight: StoringChunk[] = [];
    let generated = run.generated;
    try {
      while (generated < target || inFlight.length > 0) {
        if (generated < target && inFlight.length < INSERTS_IN_FLIGHT) {
          await stop.throwIfCancelled();
          const size = Math.min(this.settings.generationChunkSize, target - generated);
          generated += size;
          inFlight.push(this.storeChunk(place, size, generated));
          continue;
        }
        const { stored, marks } = inFlight.shift()!;
        await stored;
        // Recorded in order, so after a crash every order past the marks belongs to an unrecorded chunk.
        await this.runs.update(runId, marks);
        if (run.autoProcess) await this.enqueueFullVipSlices(run, marks.vipGenerated, vipQueued, stop);
        if (progress.due(marks.generated)) this.log.info(`run ${runId}: generated ${marks.generated} of ${target} orders`);
      }
    } finally {
      // A retry starts by dropping unrecorded orders: no insert of this attempt may land after that.
      await Promise.allSettled(inFlight.map(({ stored }) => stored));
    }
    const generationEndedAt = new Date();
    if (run.generationStartedAt) this.metrics.generationFinished((generationEndedAt.getTime() - run.generationStartedAt.getTime()) / 1000);
    this.log.info(`run ${runId}: ${generated} orders stored (${place.cursor.vip} VIP, ${place.cursor.normal} NORMAL)`);
    return generationEndedAt;
  }

  /** After a restart: the orders of a chunk that was stored but whose marks were never recorded go, so none is stored twice. */
  private async dropUnrecordedChunk(run: ProcessRun): Promise<void> {
    const dropped = await this.orders.deleteUnrecorded(run.runId, run.vipGenerated, run.normalGenerated);
    if (dropped > 0) this.log.warn(`run ${run.runId}: dropped ${dropped} orders of a chunk stored but not recorded before a restart`);
    if (run.generated > 0) this.log.info(`run ${run.runId}: generation resumes at ${run.generated} of ${run.target}`);
  }

  /** Makes `size` orders (advancing the cursor) and starts storing them; `generated` is the run's count once they are stored. */
  private storeChunk(place: OrderBatchPlace, size: number, generated: number): StoringChunk {
    const stored = this.orders.insertMany(makeOrders(place, size, new Date()));
    stored.catch(() => undefined); // awaited in order; failing before its turn is not an unhandled rejection
    return { stored, marks: { generated, vipGenerated: place.cursor.vip, normalGenerated: place.cursor.normal } };
  }

  /** Queues the VIP slices that are full by now, recording the lane's high-water mark. */
  private async enqueueFullVipSlices(run: ProcessRun, vipGenerated: number, vipQueued: VipQueued, stop: StopSignal): Promise<void> {
    const vipReady = lastFullSliceEnd(vipQueued.upTo, vipGenerated, run.ordersPerJob);
    if (vipReady <= vipQueued.upTo) return;
    stop.throwIfStopped();
    const started = Date.now();
    await this.queue.enqueue(sliceRange(run.runId, 'VIP', vipQueued.upTo, vipReady, run.ordersPerJob));
    vipQueued.spentMs += Date.now() - started;
    vipQueued.upTo = vipReady;
    await this.runs.update(run.runId, { vipEnqueued: vipQueued.upTo, enqueueVipTimeMs: vipQueued.spentMs });
  }
}
