import { useEventsFaultStack } from './events-fault-stack';

const EVENTS = 4_000;
const OUTAGE_MS = 3_000;

/**
 * Redis (the queue) is killed with SIGKILL under load, and started again on the same port 3 s later
 * from its append-only file (fsync on every write: whatever Redis acknowledged survives). While it is
 * away intake answers an error rather than 202 and clients send again; the API and the consumer
 * reconnect on their own. Every event answered 202 — the ones acknowledged just before the kill
 * included — is stored exactly once.
 */
describe('events fault: Redis restarts in the middle of the load', () => {
  const stack = useEventsFaultStack({ suite: 'ev_fault_redis', ownRedis: true, settings: { EVENTS_BATCH_SIZE: '200', EVENTS_FLUSH_MS: '200', EVENTS_QUEUE_TIMEOUT_MS: '1000' } });

  it('refuses events while Redis is away, then stores every accepted one exactly once', async () => {
    const traffic = stack.traffic({ events: EVENTS, clients: 8, batchSize: 25, singleEvery: 3, pauseMs: 5, timeoutMs: 90_000 }).start();
    await traffic.acceptedAtLeast(1_000, 60_000);
    const exit = await stack.redis!.stop('SIGKILL');
    expect(exit.timedOut).toBe(false);
    // Requests Redis acknowledged just before the kill may still be answered; after that, nothing is accepted
    // while Redis is down (a 202 then would be a promise the queue cannot keep).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const acceptedWhileDown = traffic.acceptedCount;
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - 1_000));
    expect(traffic.acceptedCount).toBe(acceptedWhileDown);
    await stack.redis!.start();

    const outcome = await traffic.finished();
    expect({ accepted: outcome.accepted.size, unsent: outcome.unsent }).toEqual({ accepted: EVENTS, unsent: 0 });
    const refused = Object.entries(outcome.answers).filter(([status]) => status !== '202').reduce((sum, [, n]) => sum + n, 0);
    expect(refused).toBeGreaterThan(0);

    const { stored, metrics } = await stack.expectSettledExactlyOnce(outcome);
    expect(stored.documents).toBe(EVENTS);
    expect(metrics.deadLettered).toBe(0);
    expect({ api: stack.api.running, consumer: stack.consumer.running }).toEqual({ api: true, consumer: true });
  });
});
