import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { InteractionEvent } from '../../domain/events/interaction-event';
import { EventDeliveryHandler, EventGiveUpHandler, EventQueue } from '../../domain/events/ports/event-queue.port';
import { onFinalFailure } from '../queue/final-failure';
import { EVENTS_QUEUE } from '../queue/queue-names';

interface EventsJob {
  events: InteractionEvent[];
}

/**
 * The Bull queue `events`: one job per intake group or batch request (never one per event). Attempts, backoff
 * and removeOnComplete come from the queue defaults shared with the orders (MAX_ATTEMPTS, RETRY_BACKOFF_MS).
 */
@Injectable()
export class BullEventQueue extends EventQueue {
  constructor(@InjectQueue(EVENTS_QUEUE) private readonly queue: Queue<EventsJob>) {
    super();
  }

  async add(events: InteractionEvent[]): Promise<void> {
    await this.queue.add({ events });
  }

  async addEach(events: InteractionEvent[]): Promise<void> {
    await this.queue.addBulk(events.map((event) => ({ data: { events: [event] } })));
  }

  async consume(concurrency: number, handle: EventDeliveryHandler, giveUp: EventGiveUpHandler): Promise<void> {
    this.queue.process(concurrency, async (job: Job<EventsJob>) => {
      const maxAttempts = job.opts.attempts ?? 1;
      const outcome = await handle({ events: job.data.events, attempt: job.attemptsMade + 1, maxAttempts });
      if (outcome === null) return;
      // The next attempt (or the dead letters) gets only what is still not stored.
      await job.update({ events: outcome.retry });
      throw new Error(outcome.reason);
    });
    const giveUpJob = (job: Job<EventsJob>, reason: string) =>
      // Once they are dead letters (or queued again) the failed job goes; if that failed, it stays in Bull's failed set.
      giveUp(job.data.events, reason, job.attemptsMade).then(
        () => job.remove().catch(() => undefined),
        () => undefined,
      );
    onFinalFailure(this.queue, (job, reason) => void giveUpJob(job, reason));
    // A process that died between a job's last failure and its dead letters left the job in the failed set.
    for (const job of await this.queue.getFailed()) {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) await giveUpJob(job, job.failedReason ?? 'failed before a restart');
    }
  }

  async purge(): Promise<void> {
    await this.queue.obliterate({ force: true });
    await this.queue.resume();
  }
}
