import { EventDeadLetter } from '../../../domain/events/event-dead-letter';
import { InteractionEvent } from '../../../domain/events/interaction-event';
import { EventDeadLetterStore } from '../../../domain/events/ports/event-dead-letter-store.port';
import { EventMetricsStore } from '../../../domain/events/ports/event-metrics-store.port';
import { EventQueue } from '../../../domain/events/ports/event-queue.port';
import { EventSettings } from '../event-settings';
import { EventConsumer } from './event-consumer';
import { EventOutcome } from './event-batch-accumulator';
import { StoreEventBatchService } from './store-event-batch.service';

const event = (eventId: string): InteractionEvent => ({ eventId, userId: 'u', eventType: 'view', sessionId: 's', eventData: {}, occurredAt: 0, receivedAt: 0 });

function consumerWith(outcome: (event: InteractionEvent) => EventOutcome, deadLetters: Partial<EventDeadLetterStore> = {}) {
  const queued: InteractionEvent[][] = [];
  const deadLettered: number[] = [];
  const split: InteractionEvent[][] = [];
  const queue = { add: async (events: InteractionEvent[]) => void queued.push(events), addEach: async (events: InteractionEvent[]) => void split.push(events) } as unknown as EventQueue;
  const batches = { write: async (events: InteractionEvent[]) => events.map(outcome) } as unknown as StoreEventBatchService;
  const metrics = { recordDeadLettered: async (delta: number) => void deadLettered.push(delta), publishCurrent: async () => undefined } as unknown as EventMetricsStore;
  const settings = new EventSettings({
    limits: { maxBatch: 10, maxIdLength: 10, maxStringLength: 10, maxDepth: 3, maxEventDataBytes: 100 },
    batching: { size: 2, flushMs: 10 },
    intakeGroup: { max: 1, waitMs: 0 },
    queueTimeoutMs: 1000,
    queueConcurrency: 1,
    maxAttempts: 3,
    runConsumers: true,
    consumerId: 'test',
  });
  const consumer = new EventConsumer(queue, batches, deadLetters as EventDeadLetterStore, metrics, settings);
  return { consumer, queued, split, deadLettered };
}

describe('EventConsumer', () => {
  it('acknowledges a delivery whose events were stored or already there', async () => {
    const { consumer } = consumerWith((item) => (item.eventId === 'b' ? { kind: 'duplicate' } : { kind: 'stored' }));
    expect(await consumer.handle({ events: [event('a'), event('b')], attempt: 1, maxAttempts: 3 })).toBeNull();
  });

  it('asks for another attempt with only the refused events and the reason', async () => {
    const { consumer } = consumerWith((item) => (item.eventId === 'b' ? { kind: 'rejected', reason: 'refused' } : { kind: 'stored' }));
    expect(await consumer.handle({ events: [event('a'), event('b')], attempt: 1, maxAttempts: 3 })).toEqual({ retry: [event('b')], reason: 'refused' });
  });

  it('sends the events of a write that failed as a whole back carrying that write, so a late store is counted as stored', async () => {
    const { consumer } = consumerWith(() => ({ kind: 'unconfirmed', reason: 'connection closed', batchId: 'w2' }));
    const earlier = { ...event('b'), unconfirmedWrites: ['w1'] };
    expect(await consumer.handle({ events: [event('a'), earlier], attempt: 2, maxAttempts: 3 })).toEqual({
      retry: [
        { ...event('a'), unconfirmedWrites: ['w2'] },
        { ...event('b'), unconfirmedWrites: ['w1', 'w2'] },
      ],
      reason: 'connection closed',
    });
  });

  it('after the last attempt splits a delivery of several events into one delivery per event', async () => {
    const { consumer, split, deadLettered } = consumerWith(() => ({ kind: 'stored' }), { record: async () => 0 });
    await consumer.giveUp([event('a'), event('b')], 'refused', 3);
    expect(split).toEqual([[event('a'), event('b')]]);
    expect(deadLettered).toEqual([]);
  });

  it('after the last attempt of a single event keeps it as a dead letter and counts the new ones', async () => {
    const recorded: EventDeadLetter[] = [];
    const { consumer, deadLettered, queued } = consumerWith(() => ({ kind: 'stored' }), { record: async (letters) => (recorded.push(...letters), letters.length) });
    await consumer.giveUp([event('a')], 'refused', 3);
    expect(recorded.map((letter) => [letter.eventId, letter.reason, letter.attempts])).toEqual([['a', 'refused', 3]]);
    expect(deadLettered).toEqual([1]);
    expect(queued).toEqual([]);
    // The same event dead-lettered again (a retry that failed twice) is not counted twice.
    const again = consumerWith(() => ({ kind: 'stored' }), { record: async () => 0 });
    await again.consumer.giveUp([event('a')], 'refused', 3);
    expect(again.deadLettered).toEqual([0]);
  });

  it('queues the events again when even the dead letters cannot be written: nothing is dropped', async () => {
    const { consumer, queued } = consumerWith(() => ({ kind: 'stored' }), {
      record: async () => {
        throw new Error('database away');
      },
    });
    await consumer.giveUp([event('a')], 'refused', 3);
    expect(queued).toEqual([[event('a')]]);
  });
});
