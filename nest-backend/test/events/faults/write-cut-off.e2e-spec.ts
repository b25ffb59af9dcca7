import { InsertCutOffProxy } from '../../support/insert-cut-off-proxy';
import { useEventsFaultStack } from './events-fault-stack';

const EVENTS = 1_200;
const BATCH_SIZE = 200;
const CUT_INSERTS = 2;

/**
 * The consumer reaches the database through a proxy that lets two batch inserts reach the server and then drops
 * the connection instead of passing the server's answer on: both writes landed in full, the consumer saw them fail
 * as a whole (as when the server goes away mid-insert). Their retries find every one of those events in place.
 * They are this consumer's own late-acknowledged stores, not client duplicates: the metrics must count them as
 * stored, exactly once, and equal the database.
 */
describe('events fault: the connection drops after a batch insert landed, before its answer', () => {
  const stack = useEventsFaultStack({
    suite: 'ev_fault_cut',
    settings: { EVENTS_BATCH_SIZE: String(BATCH_SIZE), EVENTS_FLUSH_MS: '200', MAX_ATTEMPTS: '10', RETRY_BACKOFF_MS: '200', BACKEND_LOGS: 'true' },
  });
  let proxy: InsertCutOffProxy;

  beforeAll(async () => {
    const database = new URL(stack.env.MONGO_URI);
    proxy = new InsertCutOffProxy({ host: database.hostname, port: Number(database.port || 27017) });
    database.port = String(await proxy.start());
    await stack.consumer.stop('SIGTERM');
    // At info the consumer logs each batch it stores, with how many of its events were late-acknowledged stores.
    await stack.replaceConsumer({ MONGO_URI: database.toString(), LOG_LEVEL: 'info' });
  });

  afterAll(async () => {
    await proxy?.stop();
  });

  it('counts the events of the cut-off writes as stored once, and the metrics equal the database', async () => {
    proxy.cutInserts(CUT_INSERTS, 'user_interactions');
    const outcome = await stack.traffic({ events: EVENTS, clients: 4, batchSize: 25, singleEvery: 3, pauseMs: 5 }).start().finished();
    expect({ accepted: outcome.accepted.size, unsent: outcome.unsent }).toEqual({ accepted: EVENTS, unsent: 0 });

    const { stored, metrics } = await stack.expectSettledExactlyOnce(outcome, { timeoutMs: 90_000 });
    expect(proxy.cutOff).toBe(CUT_INSERTS);
    expect(stored.documents).toBe(EVENTS);
    // Every duplicate is a copy the API accepted twice (a client retry after a lost answer), none a late store.
    expect({ stored: metrics.stored, duplicates: metrics.duplicates, deadLettered: metrics.deadLettered }).toEqual({
      stored: EVENTS,
      duplicates: metrics.accepted - EVENTS,
      deadLettered: 0,
    });
    // The late stores went through the claim: the writes that were cut off had their events counted by their retries.
    const lateStored = [...stack.consumer.output.matchAll(/"lateStored":(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(lateStored).toBeGreaterThan(0);
  });
});
