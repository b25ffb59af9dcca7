import { Injectable } from '@nestjs/common';
import { OrderSlice } from '../../domain/order-slices';
import { OrderStore } from '../../domain/ports/order-store.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { RunSlot } from '../../domain/ports/run-slot.port';
import { PipelineSettings } from '../pipeline-settings';
import { RunLog } from '../run-log/run-log.service';

export type SliceOutcome = 'processed' | 'skipped';

/** What a worker does with one queued slice: one bulk write, one counter update. */
@Injectable()
export class ProcessSliceService {
  constructor(
    private readonly orders: OrderStore,
    private readonly counters: RunCounters,
    private readonly slot: RunSlot,
    private readonly settings: PipelineSettings,
    private readonly log: RunLog,
  ) {}

  async process(slice: OrderSlice): Promise<SliceOutcome> {
    // A slice of a cancelled or finished run must not touch its orders.
    if ((await this.slot.holder()) !== slice.runId) return 'skipped';
    this.failIfInjected(slice);
    const startedAt = Date.now();
    const changed = await this.orders.markProcessed(slice, new Date(startedAt));
    if (changed > 0) await this.counters.recordProcessed(slice.runId, slice.priority, changed, startedAt, Date.now());
    return 'processed';
  }

  /** After the last attempt: the slice's still-pending orders are marked failed and counted, never left behind. */
  async giveUp(slice: OrderSlice, reason: string): Promise<void> {
    try {
      const failed = await this.orders.markFailed(slice, reason, new Date());
      if (failed === 0) return;
      await this.counters.recordFailed(slice.runId, failed);
      this.log.error(`${failed} ${slice.priority} orders failed for good (seq ${slice.from}-${slice.to - 1}): ${reason}`);
    } catch (error) {
      // The orders stay pending; the drain check queues them again.
      this.log.error(`could not record failed slice ${slice.priority} ${slice.from}-${slice.to - 1}: ${(error as Error).message}`);
    }
  }

  private failIfInjected(slice: OrderSlice): void {
    const every = this.settings.failEverySeqMultipleOf;
    if (!every) return;
    const firstMultiple = Math.ceil(slice.from / every) * every;
    if (firstMultiple < slice.to) throw new Error(`injected failure for seq ${firstMultiple} (FAIL_EVERY_SEQ_MULTIPLE_OF=${every})`);
  }
}
