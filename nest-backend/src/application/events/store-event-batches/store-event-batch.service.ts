import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventType, InteractionEvent } from '../../../domain/events/interaction-event';
import { EventMetricsStore } from '../../../domain/events/ports/event-metrics-store.port';
import { EventStore } from '../../../domain/events/ports/event-store.port';
import { EventOutcome } from './event-batch-accumulator';

/** Writes one batch (one bulk insert), counts it (one metrics call) and logs it (one line). */
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
    const result = await this.store.writeBatch(events, batchId, new Date(startedAt));
    const durationMs = Date.now() - startedAt;
    const outcomes: EventOutcome[] = events.map(() => ({ kind: 'stored' }));
    for (const index of result.duplicates) outcomes[index] = { kind: 'duplicate' };
    for (const { index, reason } of result.rejected) outcomes[index] = { kind: 'rejected', reason };

    const types: Partial<Record<EventType, number>> = {};
    const storedByType: Partial<Record<EventType, number>> = {};
    events.forEach((event, index) => {
      types[event.eventType] = (types[event.eventType] ?? 0) + 1;
      if (outcomes[index].kind === 'stored') storedByType[event.eventType] = (storedByType[event.eventType] ?? 0) + 1;
    });
    const record = { batchId, size: events.length, stored: result.stored, duplicates: result.duplicates.length, storedByType, durationMs, storedAt: Date.now() };
    // The batch is stored; a metrics hiccup must not make it be written again.
    await this.metrics.recordBatch(record, types).catch((error: Error) => this.logger.warn(`batch ${batchId} not counted: ${error.message}`));
    this.logger.log({ batchId, size: events.length, stored: result.stored, duplicates: result.duplicates.length, rejected: result.rejected.length, types, durationMs }, 'event batch stored');
    return outcomes;
  }
}
