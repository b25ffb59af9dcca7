import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventDeadLetterStore } from '../../../domain/events/ports/event-dead-letter-store.port';
import { EventMetricsStore } from '../../../domain/events/ports/event-metrics-store.port';
import { EventQueue } from '../../../domain/events/ports/event-queue.port';
import { EventStore } from '../../../domain/events/ports/event-store.port';
import { EventSettings } from '../event-settings';

/**
 * `POST /events/reset`: empties the queue, then (after one flush interval, so batches consumers already held
 * are written first) the stored events, the dead letters and the metrics.
 */
@Injectable()
export class ResetEventsService {
  private readonly logger = new Logger('EventReset');

  constructor(
    private readonly queue: EventQueue,
    private readonly store: EventStore,
    private readonly deadLetters: EventDeadLetterStore,
    private readonly metrics: EventMetricsStore,
    private readonly settings: EventSettings,
  ) {}

  async reset(): Promise<{ deletedEvents: number; deletedDeadLetters: number }> {
    await this.queue.purge();
    await sleep(this.settings.batching.flushMs + 100);
    const [deletedEvents, deletedDeadLetters] = await Promise.all([this.store.deleteAll(), this.deadLetters.deleteAll()]);
    await this.metrics.reset();
    this.logger.warn(`events reset: ${deletedEvents} stored events and ${deletedDeadLetters} dead letters deleted`);
    return { deletedEvents, deletedDeadLetters };
  }
}
