import { useEventsFaultStack } from './events-fault-stack';

const EVENTS = 4_000;
const KILL_AFTER_ACCEPTED = 1_000;

/**
 * The API is killed with SIGKILL while many clients send events, single and in batches, and started
 * again on the same port. Clients re-send every request that got no answer with the same eventIds
 * (as a shop's client retries), so some events reach the queue twice. Every eventId that got a 202,
 * before or after the crash, is stored exactly once; an event whose answer was lost with the process
 * is stored at most once.
 */
describe('events fault: the API is killed with SIGKILL under load', () => {
  const stack = useEventsFaultStack({ suite: 'ev_fault_api', settings: { EVENTS_BATCH_SIZE: '200', EVENTS_FLUSH_MS: '200' } });

  it('stores every event answered 202 exactly once, and the metrics equal the database', async () => {
    const traffic = stack.traffic({ events: EVENTS, clients: 8, batchSize: 25, singleEvery: 3, pauseMs: 5, timeoutMs: 90_000 }).start();
    await traffic.acceptedAtLeast(KILL_AFTER_ACCEPTED, 60_000);
    const exit = await stack.api.stop('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    const acceptedBeforeCrash = traffic.acceptedCount;
    expect(acceptedBeforeCrash).toBeLessThan(EVENTS);
    await stack.api.startServing();

    const outcome = await traffic.finished();
    expect({ accepted: outcome.accepted.size, unsent: outcome.unsent }).toEqual({ accepted: EVENTS, unsent: 0 });
    // The crash cut requests off: their clients saw no answer and sent them again.
    expect(outcome.answers.network ?? 0).toBeGreaterThan(0);
    expect(outcome.retries).toBeGreaterThan(0);

    const { stored, metrics } = await stack.expectSettledExactlyOnce(outcome);
    expect(stored.documents).toBe(EVENTS);
    expect(metrics.deadLettered).toBe(0);
    expect(stack.consumer.running).toBe(true);
  });
});
