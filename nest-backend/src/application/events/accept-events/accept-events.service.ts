import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventQueueUnavailableError, EventValidationError } from '../../../domain/events/event-errors';
import { Arrival, validateBatch, validateEvent } from '../../../domain/events/event-validation';
import { InteractionEvent } from '../../../domain/events/interaction-event';
import { EventMetricsStore } from '../../../domain/events/ports/event-metrics-store.port';
import { EventQueue } from '../../../domain/events/ports/event-queue.port';
import { EventSettings } from '../event-settings';
import { IntakeGroup } from './intake-group';

/**
 * `POST /events` and `POST /events/batch`: validate, then resolve only once the events are durable in the
 * queue. Single events that arrive within EVENTS_INTAKE_GROUP_WAIT_MS of each other share one queue job; a
 * batch is one job. Whatever fails (the queue, or its confirmation not arriving in EVENTS_QUEUE_TIMEOUT_MS)
 * rejects every request of the group: no 202 is ever sent for an event the queue did not confirm.
 */
@Injectable()
export class AcceptEventsService implements OnApplicationShutdown {
  private readonly logger = new Logger('EventIntake');
  private readonly singles: IntakeGroup<InteractionEvent>;

  constructor(
    private readonly queue: EventQueue,
    private readonly metrics: EventMetricsStore,
    private readonly settings: EventSettings,
  ) {
    this.singles = new IntakeGroup(settings.intakeGroup, (events) => this.enqueue(events));
  }

  async acceptOne(raw: unknown): Promise<InteractionEvent> {
    const result = validateEvent(raw, this.settings.limits, arrival());
    if (!result.ok) throw new EventValidationError(result.problems);
    await this.singles.push([result.value]);
    return result.value;
  }

  async acceptBatch(raw: unknown): Promise<InteractionEvent[]> {
    const result = validateBatch(raw, this.settings.limits, arrival());
    if (!result.ok) throw new EventValidationError(result.problems);
    await this.enqueue(result.value);
    return result.value;
  }

  onApplicationShutdown(): void {
    this.singles.flush();
  }

  private async enqueue(events: InteractionEvent[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EventQueueUnavailableError(`no confirmation within ${this.settings.queueTimeoutMs} ms`)), this.settings.queueTimeoutMs);
    });
    try {
      await Promise.race([this.queue.add(events), timeout]);
    } catch (error) {
      if (error instanceof EventQueueUnavailableError) throw error;
      throw new EventQueueUnavailableError((error as Error).message);
    } finally {
      clearTimeout(timer);
    }
    // The events are safe in the queue: a lost metrics update must not turn their 202 into an error.
    this.metrics.recordAccepted(events.length, Date.now()).catch((error: Error) => this.logger.warn(`accepted events not counted: ${error.message}`));
  }
}

function arrival(): Arrival {
  return { receivedAt: Date.now(), newId: randomUUID };
}
