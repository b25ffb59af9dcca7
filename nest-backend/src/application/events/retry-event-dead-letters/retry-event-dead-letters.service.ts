import type { DeadLetter } from '@pedidos/contract';
import { Injectable, Logger } from '@nestjs/common';
import { EventDeadLetter } from '../../../domain/events/event-dead-letter';
import { EventDeadLetterStore } from '../../../domain/events/ports/event-dead-letter-store.port';
import { EventMetricsStore } from '../../../domain/events/ports/event-metrics-store.port';
import { EventQueue } from '../../../domain/events/ports/event-queue.port';
import { EventSettings } from '../event-settings';

/** A dead letter as clients see it (the contract's `DeadLetter`). */
export type EventDeadLetterView = DeadLetter;

/** Rounds of "take a batch of letters, queue it, remove it" one retry of everything may make. */
const MAX_ROUNDS = 1_000;

/**
 * `GET /events/dead-letters` and `POST /events/dead-letters/retry`. A retried letter's event is queued
 * again (it keeps its eventId, so a retry that happens twice stores it once) before the letter is removed:
 * a crash in between leaves the letter, never a lost event.
 */
@Injectable()
export class RetryEventDeadLettersService {
  private readonly logger = new Logger('EventDeadLetters');

  constructor(
    private readonly deadLetters: EventDeadLetterStore,
    private readonly queue: EventQueue,
    private readonly metrics: EventMetricsStore,
    private readonly settings: EventSettings,
  ) {}

  async list(page: number, limit: number): Promise<{ items: EventDeadLetterView[]; total: number; page: number; limit: number }> {
    const found = await this.deadLetters.list(page, limit);
    return { items: found.items.map(viewOf), total: found.total, page, limit };
  }

  async retry(eventIds?: string[]): Promise<{ requeued: number }> {
    const chunk = this.settings.limits.maxBatch;
    let requeued = 0;
    if (eventIds) {
      for (let from = 0; from < eventIds.length; from += chunk) requeued += await this.requeue(await this.deadLetters.take(chunk, eventIds.slice(from, from + chunk)));
    } else {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const moved = await this.requeue(await this.deadLetters.take(chunk));
        if (moved === 0) break;
        requeued += moved;
      }
    }
    if (requeued > 0) this.logger.warn(`${requeued} dead-lettered events queued again`);
    return { requeued };
  }

  private async requeue(letters: EventDeadLetter[]): Promise<number> {
    if (letters.length === 0) return 0;
    await this.queue.add(letters.map((letter) => letter.event));
    const removed = await this.deadLetters.remove(letters.map((letter) => letter.eventId));
    await this.metrics.recordDeadLettered(-removed);
    return letters.length;
  }
}

function viewOf(letter: EventDeadLetter): EventDeadLetterView {
  // Which earlier writes failed is the pipeline's bookkeeping, not part of the event a client sent.
  const { unconfirmedWrites: _unconfirmedWrites, ...event } = letter.event;
  return {
    eventId: letter.eventId,
    userId: letter.userId,
    eventType: letter.eventType,
    sessionId: letter.sessionId,
    reason: letter.reason,
    attempts: letter.attempts,
    failedAt: new Date(letter.failedAt).toISOString(),
    event: { ...event, occurredAt: new Date(event.occurredAt).toISOString(), receivedAt: new Date(event.receivedAt).toISOString() },
  };
}
