import { rawRequest } from '../../support/raw-request';
import { useEventsFaultStack } from './events-fault-stack';

const EVENTS = 1_500;
const POISON_EVERY = 100;
const MARKER = 'poison_pill';
const MAX_ATTEMPTS = 3;

/**
 * Some events are refused by the store on every attempt (EVENTS_FAIL_MARKER, the test-only stand-in
 * for a document the database rejects). Their batches are retried MAX_ATTEMPTS times, then each is
 * split out and moved to `event_dead_letters` with the reason and the attempts while the rest of its
 * batch is stored. Once the cause is gone (a consumer without the marker), `POST /events/dead-letters/retry`
 * re-submits them — one by id, then all — and each is stored exactly once, leaving no dead letter.
 */
describe('events fault: poison events go to dead letters and are retried from the endpoint', () => {
  const stack = useEventsFaultStack({
    suite: 'ev_fault_poison',
    settings: { EVENTS_BATCH_SIZE: '100', EVENTS_FLUSH_MS: '200', MAX_ATTEMPTS: String(MAX_ATTEMPTS), RETRY_BACKOFF_MS: '100', EVENTS_FAIL_MARKER: MARKER },
  });

  it('dead-letters exactly the poison events, stores the rest, and stores them too once retried', async () => {
    const isPoison = (index: number) => index % POISON_EVERY === 7;
    const traffic = stack.traffic({ events: EVENTS, clients: 4, batchSize: 20, singleEvery: 4, pauseMs: 5, eventData: (index) => (isPoison(index) ? { [MARKER]: true, productId: `p-${index}` } : undefined) });
    const outcome = await traffic.start().finished();
    expect(outcome.accepted.size).toBe(EVENTS);
    const poison = new Set([...outcome.accepted].filter((id) => isPoison(Number(id.slice(id.lastIndexOf('-') + 1)))));
    expect(poison.size).toBe(EVENTS / POISON_EVERY);

    const first = await stack.expectSettledExactlyOnce(outcome, { deadLettered: poison, timeoutMs: 90_000 });
    expect(first.stored.documents).toBe(EVENTS - poison.size);
    expect(first.metrics.deadLettered).toBe(poison.size);

    const page = await stack.http.get(`/events/dead-letters?page=1&limit=100`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(poison.size);
    expect(new Set(page.body.items.map((item: any) => item.eventId))).toEqual(poison);
    for (const item of page.body.items) {
      expect(item).toMatchObject({ eventId: expect.any(String), reason: expect.stringMatching(/\S/), attempts: MAX_ATTEMPTS, event: { eventData: { [MARKER]: true } } });
      expect(Number.isNaN(Date.parse(item.failedAt))).toBe(false);
    }

    // The cause goes away: a consumer that no longer refuses the marker.
    await stack.consumer.stop('SIGTERM');
    await stack.replaceConsumer({ EVENTS_FAIL_MARKER: undefined });
    const [one, ...rest] = [...poison];
    const retryOne = await rawRequest(stack.api.url, 'POST', '/events/dead-letters/retry', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventIds: [one] }) });
    expect({ status: retryOne.status, body: retryOne.body }).toEqual({ status: 202, body: { requeued: 1 } });
    const retryAll = await rawRequest(stack.api.url, 'POST', '/events/dead-letters/retry', { headers: { 'content-type': 'application/json' }, body: '{}' });
    // The one re-submitted by id may already be stored, or still wait in the queue (then it is no dead letter any more either).
    expect(retryAll.status).toBe(202);
    expect([rest.length, rest.length + 1]).toContain(retryAll.body.requeued);

    const second = await stack.expectSettledExactlyOnce(outcome, { timeoutMs: 60_000 });
    expect(second.stored.documents).toBe(EVENTS);
    expect(second.metrics.deadLettered).toBe(0);
    expect((await stack.http.get('/events/dead-letters?page=1&limit=10')).body).toMatchObject({ items: [], total: 0 });
  });
});
