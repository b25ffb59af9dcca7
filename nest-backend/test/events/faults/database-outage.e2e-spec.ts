import { useEventsFaultStack } from './events-fault-stack';

const EVENTS = 3_000;
const OUTAGE_MS = 5_000;

/**
 * The MongoDB-compatible server (a FerretDB of the suite's own) is killed under load and started
 * again on the same port 5 s later. Intake keeps answering 202 (it needs only Redis); the batches
 * that were being written fail and are retried with backoff until the server is back. Nothing is
 * dead-lettered for an outage, and every accepted event is stored exactly once — also those of an
 * insert the kill cut off after part of it landed (the driver reports that as a bulk error with no
 * write errors; it must fail the whole batch, not count it written) — and counted stored once.
 */
describe('events fault: the database server stops for a few seconds under load', () => {
  const stack = useEventsFaultStack({
    suite: 'ev_fault_db',
    ownDatabase: true,
    settings: { EVENTS_BATCH_SIZE: '200', EVENTS_FLUSH_MS: '200', MAX_ATTEMPTS: '10', RETRY_BACKOFF_MS: '200', BACKEND_LOGS: 'true' },
  });

  it('keeps accepting, retries the batches that hit the outage, and stores every event exactly once', async () => {
    const traffic = stack.traffic({ events: EVENTS, clients: 6, batchSize: 25, singleEvery: 3, pauseMs: 10, timeoutMs: 90_000 }).start();
    await traffic.acceptedAtLeast(800, 60_000);
    const storedBefore = await stack.db.collection('user_interactions').countDocuments({});
    expect(storedBefore).toBeGreaterThan(0);
    const exit = await stack.ferret!.stop('SIGKILL');
    expect(exit.timedOut).toBe(false);
    const acceptedAtKill = traffic.acceptedCount;
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    // Intake does not need the database: events kept being accepted while it was away.
    expect(traffic.acceptedCount).toBeGreaterThan(acceptedAtKill);
    await stack.ferret!.start();

    const outcome = await traffic.finished();
    expect({ accepted: outcome.accepted.size, unsent: outcome.unsent }).toEqual({ accepted: EVENTS, unsent: 0 });
    // The insert the kill cut off may have landed in part; its retry finds those events in place and counts them
    // stored, so the metrics equal the database exactly, and every duplicate is a copy the API accepted twice.
    const { stored, metrics } = await stack.expectSettledExactlyOnce(outcome, { timeoutMs: 90_000 });
    expect(stored.documents).toBe(EVENTS);
    expect({ stored: metrics.stored, duplicates: metrics.duplicates }).toEqual({ stored: EVENTS, duplicates: metrics.accepted - EVENTS });
    expect(metrics.deadLettered).toBe(0);
    expect(stack.consumer.running).toBe(true);
  });
});
