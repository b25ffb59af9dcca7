import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { deadLetterOf } from '../../../domain/events/event-dead-letter';
import { InteractionEvent } from '../../../domain/events/interaction-event';
import { withUnconfirmedWrite } from '../../../domain/events/unconfirmed-writes';
import { EventDeadLetterStore } from '../../../domain/events/ports/event-dead-letter-store.port';
import { EventMetricsStore } from '../../../domain/events/ports/event-metrics-store.port';
import { EventDelivery, EventQueue } from '../../../domain/events/ports/event-queue.port';
import { EventSettings } from '../event-settings';
import { EventBatchAccumulator } from './event-batch-accumulator';
import { StoreEventBatchService } from './store-event-batch.service';

/** The batch being filled is published at most this often (and once more when it settles). */
const PUBLISH_CURRENT_EVERY_MS = 200;

/**
 * Consumes the events queue in this process (when it runs workers): holds up to EVENTS_QUEUE_CONCURRENCY
 * deliveries, feeds their events to one accumulator, and acknowledges each delivery once all its events are
 * stored or found already stored. Events the database refused, or whose write failed as a whole (carrying that
 * write's batchId, see unconfirmed-writes.ts), go back for another attempt; after the last
 * one they are split into single deliveries, then moved to the dead letters, and if even that fails they are
 * queued again: never dropped.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventConsumer');
  private readonly accumulator: EventBatchAccumulator;
  private publishTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly queue: EventQueue,
    private readonly batches: StoreEventBatchService,
    private readonly deadLetters: EventDeadLetterStore,
    private readonly metrics: EventMetricsStore,
    private readonly settings: EventSettings,
  ) {
    this.accumulator = new EventBatchAccumulator(settings.batching, (events) => this.batches.write(events), () => this.schedulePublish());
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.runConsumers) return;
    await this.queue.consume(this.settings.queueConcurrency, (delivery) => this.handle(delivery), (events, reason, attempts) => this.giveUp(events, reason, attempts));
    this.logger.log(`${this.settings.consumerId} consuming events, ${this.settings.queueConcurrency} deliveries at once, batches of ${this.settings.batching.size} or ${this.settings.batching.flushMs} ms`);
  }

  beforeApplicationShutdown(): void {
    this.accumulator.flushAll();
  }

  async handle(delivery: EventDelivery): Promise<{ retry: InteractionEvent[]; reason: string } | null> {
    const outcomes = await this.accumulator.add(delivery.events);
    const retry: InteractionEvent[] = [];
    let reason = '';
    outcomes.forEach((outcome, index) => {
      if (outcome.kind === 'rejected') retry.push(delivery.events[index]);
      else if (outcome.kind === 'unconfirmed') retry.push(withUnconfirmedWrite(delivery.events[index], outcome.batchId));
      else return;
      reason = outcome.reason;
    });
    return retry.length === 0 ? null : { retry, reason };
  }

  /**
   * After the last attempt. A delivery of several events is split into one delivery per event, each with its
   * own attempts (as the orders split a slice), so whatever made the whole write fail cannot take good events
   * down with it; a single event that still fails becomes a dead letter (queued again if even that cannot be
   * written). Rejects only when the queue cannot be reached either: the job then stays in Bull's failed set,
   * and the next consumer start hands it here again.
   */
  async giveUp(events: InteractionEvent[], reason: string, attempts: number): Promise<void> {
    if (events.length === 0) return;
    if (events.length > 1) {
      await this.queue.addEach(events);
      this.logger.warn({ events: events.length, attempts, reason }, 'delivery failed every attempt; its events are retried one by one');
      return;
    }
    try {
      const failedAt = Date.now();
      const added = await this.deadLetters.record(events.map((event) => deadLetterOf(event, reason, attempts, failedAt)));
      await this.metrics.recordDeadLettered(added);
      this.logger.error({ events: events.length, attempts, reason }, 'events moved to the dead letters');
    } catch (error) {
      this.logger.error(`could not dead-letter ${events.length} events (${(error as Error).message}); queueing them again`);
      await this.queue.add(events);
    }
  }

  private schedulePublish(): void {
    if (this.publishTimer !== null) return;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      const size = this.accumulator.size;
      this.metrics
        .publishCurrent(this.settings.consumerId, { size, oldestAt: size === 0 ? null : this.accumulator.oldestAt }, Date.now())
        .catch(() => undefined);
    }, PUBLISH_CURRENT_EVERY_MS);
  }
}
