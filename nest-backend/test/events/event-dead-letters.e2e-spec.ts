import Redis from 'ioredis';
import { useInProcessApi } from '../support/in-process-suite';
import { waitUntil } from '../support/running-api';
import { anEvent, eventMetrics, postBatch, postEvent, waitForSettled } from './event-client';

const MAX_ATTEMPTS = 3;

describe('poison events → dead letters (EVENTS_FAIL_MARKER), the rest of their batch stored; retried from the endpoint', () => {
  const suite = useInProcessApi('evdead', { EVENTS_FAIL_MARKER: 'poison', MAX_ATTEMPTS: String(MAX_ATTEMPTS), RETRY_BACKOFF_MS: '100', EVENTS_FLUSH_MS: '100' });
  const good = Array.from({ length: 17 }, () => anEvent());
  const poison = Array.from({ length: 3 }, (_, i) => anEvent({ eventData: { poison: true, n: i } }));
  const interactions = () => suite.db.collection('user_interactions');

  it('stores the good events and moves each poison event to event_dead_letters after MAX_ATTEMPTS, with the reason', async () => {
    expect((await postBatch(suite.url, [...good.slice(0, 10), poison[0], poison[1], ...good.slice(10, 15)])).status).toBe(202);
    for (const event of [poison[2], good[15], good[16]]) expect((await postEvent(suite.url, event)).status).toBe(202);

    const metrics = await waitUntil(async () => {
      const now = await eventMetrics(suite.url);
      return now.deadLettered === 3 && now.inQueue === 0 ? now : null;
    }, 60_000, 'the poison events to be dead-lettered');
    expect(metrics).toMatchObject({ accepted: 20, stored: 17, duplicates: 0, deadLettered: 3, inQueue: 0 });
    expect(await interactions().countDocuments()).toBe(17);
    expect(await interactions().countDocuments({ 'eventData.poison': true })).toBe(0);

    const page = await suite.http.get('/events/dead-letters?page=1&limit=2');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(page.body.items).toHaveLength(2);
    const all = (await suite.http.get('/events/dead-letters?limit=100')).body.items;
    expect(all.map((letter: any) => letter.eventId).sort()).toEqual(poison.map((event) => event.eventId).sort());
    const letter = all.find((item: any) => item.eventId === poison[0].eventId);
    expect(letter).toMatchObject({
      userId: poison[0].userId,
      eventType: poison[0].eventType,
      sessionId: poison[0].sessionId,
      attempts: MAX_ATTEMPTS,
      reason: expect.stringContaining('EVENTS_FAIL_MARKER'),
      failedAt: expect.any(String),
      event: { eventId: poison[0].eventId, eventData: poison[0].eventData, occurredAt: poison[0].occurredAt },
    });
    // The failed jobs leave Bull once their events are dead letters.
    const redis = new Redis(suite.env.REDIS_URL);
    try {
      await waitUntil(async () => (await redis.zcard(`${suite.env.KEY_PREFIX}-bull:events:failed`)) === 0, 5_000, 'the failed jobs to be removed');
    } finally {
      redis.disconnect();
    }
  });

  it('a retried event that still fails comes back to the dead letters, once', async () => {
    const retried = await suite.http.post('/events/dead-letters/retry');
    expect(retried).toEqual({ status: 202, body: { requeued: 3 } });
    expect((await eventMetrics(suite.url)).deadLettered).toBe(0);
    await waitUntil(async () => (await eventMetrics(suite.url)).deadLettered === 3, 60_000, 'the still-poisoned events to come back');
    expect(await suite.db.collection('event_dead_letters').countDocuments()).toBe(3);
    expect(await interactions().countDocuments()).toBe(17);
  });

  it('once the cause is gone, retrying by id and then all stores each event once and empties the dead letters', async () => {
    await suite.restart({ EVENTS_FAIL_MARKER: '' });
    const one = await postJson(suite.url, '/events/dead-letters/retry', { eventIds: [poison[1].eventId] });
    expect(one).toMatchObject({ status: 202, body: { requeued: 1 } });
    await waitUntil(async () => (await interactions().countDocuments()) === 18, 30_000, 'the retried event to be stored');
    expect(await interactions().countDocuments({ eventId: poison[1].eventId })).toBe(1);

    const rest = await postJson(suite.url, '/events/dead-letters/retry', {});
    expect(rest).toMatchObject({ status: 202, body: { requeued: 2 } });
    const metrics = await waitForSettled(suite.url, 20);
    expect(metrics).toMatchObject({ accepted: 20, stored: 20, deadLettered: 0, inQueue: 0 });
    expect(await interactions().countDocuments()).toBe(20);
    expect(new Set((await interactions().find().toArray()).map((doc) => doc.eventId)).size).toBe(20);
    expect(await suite.db.collection('event_dead_letters').countDocuments()).toBe(0);
    const bad = await postJson(suite.url, '/events/dead-letters/retry', { eventIds: 'all' });
    expect(bad.status).toBe(400);
  });
});

async function postJson(url: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}
