import { useInProcessApi } from '../support/in-process-suite';
import { waitUntil } from '../support/running-api';
import { anEvent, eventMetrics, postBatch, postEvent } from './event-client';

const BATCH_SIZE = 50;
const FLUSH_MS = 1_500;

describe('event batches: written at EVENTS_BATCH_SIZE or after EVENTS_FLUSH_MS', () => {
  const suite = useInProcessApi('evbatch', { EVENTS_BATCH_SIZE: String(BATCH_SIZE), EVENTS_FLUSH_MS: String(FLUSH_MS) });

  afterEach(async () => {
    expect((await suite.http.post('/events/reset')).status).toBe(200);
  });

  it('writes a batch below the size once its oldest event has waited EVENTS_FLUSH_MS, not before', async () => {
    const events = Array.from({ length: 7 }, () => anEvent());
    const sentAt = Date.now();
    for (const event of events) expect((await postEvent(suite.url, event)).status).toBe(202);

    const current = await waitUntil(async () => ((await eventMetrics(suite.url)).batches.current.size === 7 ? true : null), 5_000, 'the consumer to hold the 7 events');
    expect(current).toBe(true);
    expect(await suite.db.collection('user_interactions').countDocuments()).toBe(0);

    const storedAt = await waitUntil<number | null>(async () => ((await suite.db.collection('user_interactions').countDocuments()) === 7 ? Date.now() : null), 10_000, 'the batch to be written', 50);
    expect(Number(storedAt) - sentAt).toBeGreaterThanOrEqual(FLUSH_MS - 50);
    const batchIds = await suite.db.collection('user_interactions').distinct('batchId');
    expect(batchIds).toHaveLength(1);
    // The consumer publishes the batch it fills at most every 200 ms.
    const metrics = await waitUntil(async () => {
      const now = await eventMetrics(suite.url);
      return now.batches.current.size === 0 ? now : null;
    }, 2_000, 'the emptied batch to be published');
    expect(metrics).toMatchObject({ accepted: 7, stored: 7, duplicates: 0, inQueue: 0, batches: { stored: 1, sizeP50: 7, current: { size: 0, limit: BATCH_SIZE, flushMs: FLUSH_MS } } });
    expect(metrics.batches.recent[0]).toMatchObject({ batchId: batchIds[0], size: 7 });
  });

  it('writes full batches of EVENTS_BATCH_SIZE at once, without waiting for the flush time', async () => {
    const events = Array.from({ length: BATCH_SIZE * 2 }, () => anEvent());
    const answer = await postBatch(suite.url, events);
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ message: 'Events sent to processing', status: 'accepted', accepted: BATCH_SIZE * 2, eventIds: events.map((event) => event.eventId) });
    const sentAt = Date.now();
    await waitUntil(async () => (await suite.db.collection('user_interactions').countDocuments()) === BATCH_SIZE * 2, 10_000, 'both batches', 50);
    expect(Date.now() - sentAt).toBeLessThan(FLUSH_MS);
    const metrics = await eventMetrics(suite.url);
    expect(metrics.batches).toMatchObject({ stored: 2, sizeP50: BATCH_SIZE, sizeP99: BATCH_SIZE });
  });
});
