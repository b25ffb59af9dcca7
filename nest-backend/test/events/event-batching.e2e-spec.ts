import { useInProcessApi } from '../support/in-process-suite';
import { waitUntil } from '../support/running-api';
import { anEvent, eventMetrics, postBatch, postEvent } from './event-client';

const BATCH_SIZE = 50;
const FLUSH_MS = 3_000;

describe('event batches: written at EVENTS_BATCH_SIZE or after EVENTS_FLUSH_MS', () => {
  const suite = useInProcessApi('evbatch', { EVENTS_BATCH_SIZE: String(BATCH_SIZE), EVENTS_FLUSH_MS: String(FLUSH_MS) });

  afterEach(async () => {
    expect((await suite.http.post('/events/reset')).status).toBe(200);
  });

  it('writes a batch below the size once its oldest event has waited EVENTS_FLUSH_MS, not before', async () => {
    const events = Array.from({ length: 7 }, () => anEvent());
    // No event reaches a consumer before this instant, so no batch of them can be written before sentAt + FLUSH_MS.
    const sentAt = Date.now();
    const answers = await Promise.all(events.map((event) => postEvent(suite.url, event)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(7).fill(202));

    let largestHeld = 0;
    let storedBeforeFlushTime = 0;
    const storedAt = await waitUntil<number | null>(
      async () => {
        const [metrics, stored] = await Promise.all([eventMetrics(suite.url), suite.db.collection('user_interactions').countDocuments()]);
        largestHeld = Math.max(largestHeld, metrics.batches.current.size);
        const now = Date.now();
        if (now < sentAt + FLUSH_MS - 100) storedBeforeFlushTime = Math.max(storedBeforeFlushTime, stored);
        return stored === 7 ? now : null;
      },
      20_000,
      'the batch to be written',
      100,
    );
    expect(storedBeforeFlushTime).toBe(0);
    expect(Number(storedAt) - sentAt).toBeGreaterThanOrEqual(FLUSH_MS - 50);
    // While it waited, the metrics showed the batch being filled.
    expect(largestHeld).toBe(7);
    const batchIds = await suite.db.collection('user_interactions').distinct('batchId');
    expect(batchIds).toHaveLength(1);
    // The consumer publishes the batch it fills at most every 200 ms.
    const metrics = await waitUntil(async () => {
      const now = await eventMetrics(suite.url);
      return now.batches.current.size === 0 ? now : null;
    }, 5_000, 'the emptied batch to be published');
    expect(metrics).toMatchObject({ accepted: 7, stored: 7, duplicates: 0, inQueue: 0, batches: { stored: 1, sizeP50: 7, current: { size: 0, limit: BATCH_SIZE, flushMs: FLUSH_MS } } });
    expect(metrics.batches.recent[0]).toMatchObject({ batchId: batchIds[0], size: 7 });
  });
});

describe('event batches: a full batch does not wait for EVENTS_FLUSH_MS', () => {
  // Ten minutes: whatever is written during this test was written because its batch was full.
  const suite = useInProcessApi('evbatchsize', { EVENTS_BATCH_SIZE: String(BATCH_SIZE), EVENTS_FLUSH_MS: '600000' });

  it('writes full batches of EVENTS_BATCH_SIZE at once and holds the rest', async () => {
    const events = Array.from({ length: BATCH_SIZE * 2 + 20 }, () => anEvent());
    const answer = await postBatch(suite.url, events);
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ message: 'Events sent to processing', status: 'accepted', accepted: events.length, eventIds: events.map((event) => event.eventId) });
    await waitUntil(async () => (await suite.db.collection('user_interactions').countDocuments()) === BATCH_SIZE * 2, 60_000, 'both full batches', 100);
    const metrics = await waitUntil(async () => {
      const now = await eventMetrics(suite.url);
      return now.batches.current.size === 20 ? now : null;
    }, 5_000, 'the 20 left over to be shown as the current batch');
    expect(metrics).toMatchObject({ accepted: events.length, stored: BATCH_SIZE * 2, inQueue: 20, batches: { stored: 2, sizeP50: BATCH_SIZE, sizeP99: BATCH_SIZE } });
    expect(await suite.db.collection('user_interactions').countDocuments()).toBe(BATCH_SIZE * 2);
    // A reset empties the queue and the metrics; what the consumer held is written once the reset has waited… it
    // would wait ten minutes here, so the suite simply ends (its data is dropped with the test database).
  });
});
