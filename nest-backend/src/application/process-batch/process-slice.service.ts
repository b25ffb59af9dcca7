import { Injectable } from '@nestjs/common';
import { OrderSlice, singleOrderSlice } from '../../domain/order-slices';
import { DeadLetterStore } from '../../domain/ports/dead-letter-store.port';
import { OrderStore } from '../../domain/ports/order-store.port';
import { PipelineMetrics } from '../../domain/ports/pipeline-metrics.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { RunSlot } from '../../domain/ports/run-slot.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
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
    private readonly queue: WorkQueue,
    private readonly deadLetters: DeadLetterStore,
    private readonly metrics: PipelineMetrics,
  ) {}

  async process(slice: OrderSlice): Promise<SliceOutcome> {
    // A slice of a cancelled or finished run must not touch its orders.
    if ((await this.slot.holder()) !== slice.runId) return 'skipped';
    this.failIfInjected(slice);
    const startedAt = Date.now();
    const changed = await this.orders.markProcessed(slice, new Date(startedAt));
    if (changed > 0) {
      await this.counters.recordProcessed(slice.runId, slice.priority, changed, startedAt, Date.now());
      this.metrics.ordersProcessed(slice.priority, changed);
    }
    return 'processed';
  }

  /**
   * After the last attempt. A slice of several orders is split into one job per still-pending order,
   * so one poisoned order does not take its neighbours down; a single order that still fails is marked
   * failed, counted, and kept in the dead-letter store with the reason. Never throws.
   */
  async giveUp(slice: OrderSlice, reason: string): Promise<void> {
    const where = `${slice.priority} seq ${slice.from}-${slice.to - 1}`;
    try {
      if ((await this.slot.holder()) !== slice.runId) return;
      const pending = await this.orders.pendingIn(slice);
      if (pending.length === 0) return;
      if (slice.to - slice.from > 1) {
        const singles = pending.map(({ seq }) => singleOrderSlice(slice, seq));
        // Tagged per failure: the jobs an earlier failure of these orders split off (kept among the failed
        // jobs after a retry of their dead letters) must not stop them from being queued anew.
        await this.queue.enqueue(singles, `alone-${Date.now()}`);
        this.log.warn(`slice ${where} failed ${this.settings.maxAttempts} times (${reason}); retrying its ${pending.length} orders one by one`);
        return;
      }
      const failedAt = new Date();
      const failed = await this.orders.markFailed(slice, reason, failedAt);
      if (failed === 0) return;
      await this.deadLetters.record(
        pending.map(({ id, seq }) => ({ runId: slice.runId, orderId: id, priority: slice.priority, seq, reason, attempts: this.settings.maxAttempts, failedAt, retriedAt: null })),
      );
      await this.counters.recordFailed(slice.runId, failed);
      this.metrics.ordersDeadLettered(slice.priority, failed);
      this.log.error(`order ${pending[0].id} (${where}) failed ${this.settings.maxAttempts} times and went to the dead letters: ${reason}`);
    } catch (error) {
      // The orders stay pending; the drain check queues them again.
      this.log.error(`could not give up slice ${where}: ${(error as Error).message}`);
    }
  }

  private failIfInjected(slice: OrderSlice): void {
    const every = this.settings.failEverySeqMultipleOf;
    if (!every) return;
    const firstMultiple = Math.ceil(slice.from / every) * every;
    if (firstMultiple < slice.to) throw new Error(`injected failure for seq ${firstMultiple} (FAIL_EVERY_SEQ_MULTIPLE_OF=${every})`);
  }
}
