import { eventMetrics } from '../../support/event-checks';
import { waitUntil } from '../../support/running-api';
import { useEventsFaultStack } from './events-fault-stack';

const BATCH_SIZE = 200;
const HALF_BATCH = 100;
const MORE_EVENTS = 2_000;

/**
 * The consumer (the only process storing events) is killed with SIGKILL while it holds a half-full
 * batch that it has not written yet (the batch waits for 60 s or 200 events). Its events were never
 * acknowledged to the queue, so they come back once their lock lapses, and a new consumer stores them
 * with the traffic that follows: every accepted event stored exactly once, none lost with the batch.
 */
describe('events fault: the consumer is killed with SIGKILL holding a half-full batch', () => {
  const stack = useEventsFaultStack({ suite: 'ev_fault_consumer', settings: { EVENTS_BATCH_SIZE: String(BATCH_SIZE), EVENTS_FLUSH_MS: '60000' } });

  it('stores the events of the lost batch and of the traffic after it, each exactly once', async () => {
    const first = await stack.traffic({ events: HALF_BATCH, clients: 4, batchSize: 25, singleEvery: 0, pauseMs: 0 }).start().finished();
    expect(first.accepted.size).toBe(HALF_BATCH);
    const holding = await waitUntil(async () => {
      const metrics = await eventMetrics(stack.http);
      return metrics?.batches.current.size === HALF_BATCH ? metrics : null;
    }, 30_000, `the consumer to hold a batch of ${HALF_BATCH}`);
    expect(holding.stored).toBe(0);
    expect(await stack.db.collection('user_interactions').countDocuments({})).toBe(0);

    const exit = await stack.consumer.stop('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    // The replacement writes by size or after 300 ms, so the run does not wait a minute for the last batch.
    await stack.replaceConsumer({ EVENTS_FLUSH_MS: 300 });
    const second = await stack.traffic({ events: MORE_EVENTS, clients: 6, batchSize: 25, singleEvery: 3, pauseMs: 5 }).start().finished();
    expect(second.accepted.size).toBe(MORE_EVENTS);

    const outcome = {
      accepted: new Set([...first.accepted, ...second.accepted]),
      uncertain: new Set<string>(),
      unsent: 0,
      answers: {},
      retries: 0,
    };
    const { stored, metrics } = await stack.expectSettledExactlyOnce(outcome, { timeoutMs: 90_000 });
    expect(stored.documents).toBe(HALF_BATCH + MORE_EVENTS);
    expect(metrics.deadLettered).toBe(0);
  });
});
