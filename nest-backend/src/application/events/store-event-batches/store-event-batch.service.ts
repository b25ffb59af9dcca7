import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventType, InteractionEvent } from '../../../domain/events/interaction-event';
import { EventMetricsStore } from '../../../domain/events/ports/event-metrics-store.port';
import { BatchWrite, EventStore } from '../../../domain/events/ports/event-store.port';
import { SettledDuplicates, claimableDuplicates, settleDuplicates } from '../../../domain/events/unconfirmed-writes';
import { EventOutcome } from './event-batch-accumulator';

/**
 * Writes one batch (one bulk insert), counts it (one metrics call) and logs it (one line). Only when a duplicate
 * carries an earlier write that failed as a whole does it claim that write's documents (one update, one read).
 */
@Injectable()
export class StoreEventBatchService {
  private readonly logger = new Logger('EventBatches');

  constructor(
    private readonly store: EventStore,
    private readonly metrics: EventMetricsStore,
  ) {}

  async write(events: InteractionEvent[]): Promise<EventOutcome[]> {
    const batchId = randomUUID();
    const startedAt = Date.now();
    let result: BatchWrite;
    let settled: SettledDuplicates;
    try {
      result = await this.store.writeBatch(events, batchId, new Date(startedAt));
      const claimable = claimableDuplicates(events, result);
      const claimed = claimable ? await this.store.claimUnconfirmed(claimable.eventIds, claimable.writeIds, batchId) : new Set<string>();
      settled = settleDuplicates(events, result.duplicates, claimed);
    } catch (error) {
      // Part of this write may have landed under batchId: its events go back carrying it (unconfirmed-writes.ts).
      const reason = (error as Error).message;
      return events.map(() => ({ kind: 'unconfirmed', reason, batchId }));
    }
    const durationMs = Date.now() - startedAt;
    const outcomes: EventOutcome[] = events.map(() => ({ kind: 'stored' }));
    for (const index of settled.duplicates) outcomes[index] = { kind: 'duplicate' };
    for (const { index, reason } of result.rejected) outcomes[index] = { kind: 'rejected', reason };

    const types: Partial<Record<EventType, number>> = {};
    const storedByType: Partial<Record<EventType, number>> = {};
    events.forEach((event, index) => {
      types[event.eventType] = (types[event.eventType] ?? 0) + 1;
      if (outcomes[index].kind === 'stored') storedByType[event.eventType] = (storedByType[event.eventType] ?? 0) + 1;
    });
    const stored = result.stored + settled.lateStored.length;
    const duplicates = settled.duplicates.length;
    const record = { batchId, size: events.length, stored, duplicates, storedByType, durationMs, storedAt: Date.now() };
    // The batch is stored; a metrics hiccup must not make it be written again.
    await this.metrics.recordBatch(record, types).catch((error: Error) => this.logger.warn(`batch ${batchId} not counted: ${error.message}`));
    this.logger.log(
      { batchId, size: events.length, stored, lateStored: settled.lateStored.length, duplicates, rejected: result.rejected.length, types, durationMs },
      'event batch stored',
    );
    return outcomes;
  }
}
