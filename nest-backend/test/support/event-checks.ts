import { Db } from 'mongodb';
import type { TrafficOutcome } from './event-traffic';
import { Http, waitUntil } from './running-api';

export const EVENTS_COLLECTION = 'user_interactions';
export const DEAD_LETTERS_COLLECTION = 'event_dead_letters';

/** `GET /events/metrics` (any error while a service is down counts as "not yet"). */
export async function eventMetrics(http: Http): Promise<any | null> {
  const { status, body } = await http.get('/events/metrics').catch(() => ({ status: 0, body: null }));
  return status === 200 ? body : null;
}

/**
 * Waits until the pipeline has nothing left in flight: the metrics say the queue is empty, the database holds at
 * least `stored` events and the metrics count at least `deadLettered` dead letters. (Not the counters alone: a
 * batch delivered again after a fault counts its events as duplicates, so the counters can add up to the accepted
 * count while events still wait in the queue. Not batches.current: a killed consumer's last half-filled batch stays
 * in it for max(30 s, 4 × EVENTS_FLUSH_MS).)
 */
export async function waitForIntakeSettled(http: Http, db: Db, expected: { stored: number; deadLettered: number }, timeoutMs: number): Promise<any> {
  let last: any = null;
  let documents = 0;
  return waitUntil(
    async () => {
      const metrics = await eventMetrics(http);
      if (!metrics) return null;
      last = metrics;
      documents = await db.collection(EVENTS_COLLECTION).countDocuments({});
      const settled = metrics.inQueue === 0 && documents >= expected.stored && metrics.deadLettered >= expected.deadLettered;
      return settled ? metrics : null;
    },
    timeoutMs,
    `${expected.stored} events stored, ${expected.deadLettered} dead-lettered and the queue empty`,
    250,
  ).catch((error: Error) => {
    const { timeline: _timeline, ...summary } = last ?? {};
    throw new Error(`${error.message}; ${documents} in the database; last metrics ${JSON.stringify(summary)}`);
  });
}

/** How many documents of `user_interactions` hold each eventId (counted from the documents themselves, not trusting the index). */
export async function storedCountsById(db: Db): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const cursor = db.collection(EVENTS_COLLECTION).find({}, { projection: { _id: 0, eventId: 1 } });
  for await (const doc of cursor) counts.set(doc.eventId, (counts.get(doc.eventId) ?? 0) + 1);
  return counts;
}

/**
 * Every eventId answered 202 is stored exactly once (or, when `deadLettered` says so, is a dead
 * letter instead), nothing is stored twice, and nothing is stored that was never sent. An eventId
 * whose request got no answer (`uncertain`) may be stored or not, but at most once.
 */
export async function expectStoredExactlyOnce(db: Db, outcome: TrafficOutcome, deadLettered: ReadonlySet<string> = new Set()) {
  const counts = await storedCountsById(db);
  const twice = [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id}×${n}`);
  const missing = [...outcome.accepted].filter((id) => !counts.has(id) && !deadLettered.has(id));
  const neverSent = [...counts.keys()].filter((id) => !outcome.accepted.has(id) && !outcome.uncertain.has(id));
  const both = [...deadLettered].filter((id) => counts.has(id));
  expect({ twice: twice.slice(0, 10), missing: missing.slice(0, 10), missingCount: missing.length, neverSent: neverSent.slice(0, 10), storedAndDeadLettered: both.slice(0, 10) }).toEqual({
    twice: [],
    missing: [],
    missingCount: 0,
    neverSent: [],
    storedAndDeadLettered: [],
  });
  return { stored: counts.size, documents: [...counts.values()].reduce((sum, n) => sum + n, 0) };
}

/**
 * The metrics agree with the database: stored, per type, dead letters, and nothing left in the queue. Also after a
 * fault that cut a batch insert off part-way: the events that landed in the cut-off write count as stored when
 * their retry finds them in place (unconfirmed-writes.ts), not as duplicates.
 */
export async function expectMetricsMatchDatabase(db: Db, metrics: any): Promise<void> {
  const [stored, deadLetters, byTypeRows] = await Promise.all([
    db.collection(EVENTS_COLLECTION).countDocuments({}),
    db.collection(DEAD_LETTERS_COLLECTION).countDocuments({}),
    db.collection(EVENTS_COLLECTION).aggregate<{ _id: string; n: number }>([{ $group: { _id: '$eventType', n: { $sum: 1 } } }]).toArray(),
  ]);
  const byType = Object.fromEntries(byTypeRows.map((row) => [row._id, row.n]));
  const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  expect({ stored: metrics.stored, deadLettered: metrics.deadLettered, inQueue: metrics.inQueue, byType: nonZero(metrics.byType) }).toEqual({
    stored,
    deadLettered: deadLetters,
    inQueue: 0,
    byType,
  });
}
