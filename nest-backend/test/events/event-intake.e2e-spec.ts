import { io, Socket } from 'socket.io-client';
import { useInProcessApi } from '../support/in-process-suite';
import { waitUntil } from '../support/running-api';
import { EVENT_TYPES, anEvent, eventMetrics, postBatch, postEvent, waitForSettled } from './event-client';

const DISTINCT = 9_000;
const RESENT = 1_000;
const CLIENTS = 40;

/** Sends, with `CLIENTS` concurrent loops, each item as a single event or a batch; returns every answer status. */
async function sendConcurrently(url: string, items: Record<string, unknown>[][]): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const answer = item.length === 1 && Math.random() < 0.5 ? await postEvent(url, item[0]) : await postBatch(url, item);
        statuses.push(...item.map(() => answer.status));
      }
    }),
  );
  return statuses;
}

describe('event intake end to end: 10,000 events from many clients', () => {
  const suite = useInProcessApi('evintake');
  let socket: Socket;
  const frames: { at: number; metrics: any }[] = [];

  beforeAll(async () => {
    socket = io(suite.url, { transports: ['websocket'], forceNew: true });
    socket.on('events:metrics', (metrics) => frames.push({ at: Date.now(), metrics }));
    await waitUntil(async () => frames.length > 0, 10_000, 'the events:metrics frame sent on connect');
  });

  afterAll(() => {
    socket?.close();
  });

  it('stores exactly the distinct events once each, and the metrics equal the database', async () => {
    const distinct = Array.from({ length: DISTINCT }, () => anEvent());
    // Client retries: some of the same events again, single or inside later batches.
    const resent = Array.from({ length: RESENT }, () => ({ ...distinct[Math.floor(Math.random() * DISTINCT)] }));
    const all = [...distinct, ...resent];
    const items: Record<string, unknown>[][] = [];
    for (let at = 0; at < all.length; ) {
      const size = Math.random() < 0.6 ? 1 : 1 + Math.floor(Math.random() * 200);
      items.push(all.slice(at, at + size));
      at += size;
    }
    // Retries arrive after (and among) the originals.
    const statuses = await sendConcurrently(suite.url, items);
    expect(statuses).toHaveLength(DISTINCT + RESENT);
    expect(statuses.filter((status) => status !== 202)).toEqual([]);

    const metrics = await waitForSettled(suite.url, DISTINCT + RESENT);
    const interactions = suite.db.collection('user_interactions');
    expect(await interactions.countDocuments()).toBe(DISTINCT);
    const ids = new Set((await interactions.find({}, { projection: { eventId: 1 } }).toArray()).map((doc) => doc.eventId));
    expect(ids.size).toBe(DISTINCT);
    expect(distinct.every((event) => ids.has(event.eventId))).toBe(true);

    const perType = await interactions.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$eventType', n: { $sum: 1 } } }]).toArray();
    const byType = Object.fromEntries(EVENT_TYPES.map((type) => [type, perType.find((row) => row._id === type)?.n ?? 0]));
    expect(metrics).toMatchObject({ accepted: DISTINCT + RESENT, stored: DISTINCT, duplicates: RESENT, deadLettered: 0, inQueue: 0, byType });
    expect(metrics.batches.stored).toBeGreaterThan(0);
    expect(metrics.batches.sizeP99).toBeLessThanOrEqual(1000);
    const timelineStored = metrics.timeline.points.reduce((sum: number, point: any) => sum + point.stored, 0);
    const timelineAccepted = metrics.timeline.points.reduce((sum: number, point: any) => sum + point.accepted, 0);
    expect({ timelineStored, timelineAccepted }).toEqual({ timelineStored: DISTINCT, timelineAccepted: DISTINCT + RESENT });
    expect(metrics.since).not.toBeNull();

    // Each stored document is the event as sent, with the server's dates and its batch.
    const sample = distinct[17];
    const stored = await interactions.findOne({ eventId: sample.eventId }, { projection: { _id: 0 } });
    expect(stored).toMatchObject({ userId: sample.userId, eventType: sample.eventType, sessionId: sample.sessionId, eventData: sample.eventData, occurredAt: new Date(sample.occurredAt as string) });
    expect(stored?.receivedAt).toBeInstanceOf(Date);
    expect(stored?.storedAt).toBeInstanceOf(Date);
    expect(typeof stored?.batchId).toBe('string');
  });

  it('pushed events:metrics at most 4 times a second, and the last frame equals GET /events/metrics', async () => {
    expect(frames.length).toBeGreaterThan(2);
    // Measured where they arrive, in a process as busy as the server: one frame of slack for delivery jitter.
    const busiestSecond = Math.max(...frames.map((frame) => frames.filter((other) => other.at >= frame.at && other.at < frame.at + 1000).length));
    expect(busiestSecond).toBeLessThanOrEqual(5);
    // The "now" rates cover the last 5 s, so the metrics keep changing (and frames keep coming) until they reach 0.
    const last = await waitUntil(async () => {
      const now = await eventMetrics(suite.url);
      const latest = frames[frames.length - 1].metrics;
      const idle = now.rates.acceptedPerSec === 0 && now.rates.storedPerSec === 0;
      return idle && JSON.stringify(latest) === JSON.stringify(now) ? latest : null;
    }, 15_000, 'the metrics to settle and the last frame to equal them');
    expect(last.accepted).toBe(DISTINCT + RESENT);
    // Nothing changes any more, so nothing more is sent.
    const count = frames.length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(frames.length).toBe(count);
  });

  it('makes a UUID for an event sent without eventId and returns it; POST /events/reset empties everything', async () => {
    const { eventId: _omitted, ...withoutId } = anEvent();
    const answer = await postEvent(suite.url, withoutId);
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ message: 'Event sent to processing', status: 'accepted', eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await waitForSettled(suite.url, DISTINCT + RESENT + 1);
    expect(await suite.db.collection('user_interactions').countDocuments({ eventId: answer.body.eventId })).toBe(1);

    const reset = await suite.http.post('/events/reset');
    expect(reset).toEqual({ status: 200, body: { deletedEvents: DISTINCT + 1, deletedDeadLetters: 0 } });
    expect(await suite.db.collection('user_interactions').countDocuments()).toBe(0);
    expect(await eventMetrics(suite.url)).toMatchObject({ accepted: 0, stored: 0, duplicates: 0, inQueue: 0, since: null, batches: { stored: 0, recent: [] } });
  });
});
