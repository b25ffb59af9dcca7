import { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { Model } from 'mongoose';
import { InteractionEvent } from '../../src/domain/events/interaction-event';
import { BATCH_SAMPLE_SIZE, RECENT_BATCHES, TIMELINE_SECONDS } from '../../src/domain/events/event-metrics';
import { deadLetterOf } from '../../src/domain/events/event-dead-letter';
import { EventDeadLetterStore } from '../../src/domain/events/ports/event-dead-letter-store.port';
import { BatchRecord, EventMetricsStore } from '../../src/domain/events/ports/event-metrics-store.port';
import { EventStore } from '../../src/domain/events/ports/event-store.port';
import { Environment } from '../../src/infrastructure/config/environment';
import { EventsInfrastructureModule } from '../../src/infrastructure/events/events-infrastructure.module';
import { UserInteractionDocument } from '../../src/infrastructure/events/user-interaction.schema';
import { InfrastructureModule } from '../../src/infrastructure/infrastructure.module';
import { PrometheusMetricsModule } from '../../src/infrastructure/prometheus/prometheus-metrics.module';
import { dropTestData, testEnvironment } from '../support/test-environment';

const event = (eventId: string, unconfirmedWrites?: string[]): InteractionEvent => ({
  eventId,
  userId: 'u',
  eventType: 'view',
  sessionId: 's',
  eventData: { n: 1 },
  occurredAt: 1_000,
  receivedAt: 2_000,
  ...(unconfirmedWrites && { unconfirmedWrites }),
});

/**
 * The events' stores on the real servers: `user_interactions` on the MongoDB-compatible server (the claim of an
 * unconfirmed write's documents) and the metrics in Redis (a call sent again counts once).
 */
describe('event stores', () => {
  let env: Environment;
  let context: INestApplicationContext;
  let store: EventStore;
  let deadLetters: EventDeadLetterStore;
  let metrics: EventMetricsStore;
  let model: Model<UserInteractionDocument>;

  beforeAll(async () => {
    env = testEnvironment('event_store');
    const moduleRef = await Test.createTestingModule({ imports: [InfrastructureModule.forRoot(env, 'worker'), EventsInfrastructureModule.forRoot(env, 'worker'), PrometheusMetricsModule.forRoot(env, 'worker')] }).compile();
    context = await moduleRef.init();
    store = context.get(EventStore);
    deadLetters = context.get(EventDeadLetterStore);
    metrics = context.get(EventMetricsStore);
    await metrics.reset();
    model = context.get(getModelToken(UserInteractionDocument.name));
    await model.init();
  });

  afterAll(async () => {
    await context?.close();
    if (env) await dropTestData(env);
  });

  const batchIdsOf = async (eventIds: string[]) =>
    Object.fromEntries((await model.collection.find({ eventId: { $in: eventIds } }).toArray()).map((document) => [document.eventId, document.batchId]));

  it('claims the documents an unconfirmed write stored, once, and leaves the others', async () => {
    // What a write cut off after two documents left behind, and a document a client's first copy stored.
    expect(await store.writeBatch([event('a'), event('b')], 'cut-off', new Date())).toEqual({ stored: 2, duplicates: [], rejected: [] });
    expect(await store.writeBatch([event('c')], 'counted', new Date())).toEqual({ stored: 1, duplicates: [], rejected: [] });

    const retry = [event('a', ['cut-off']), event('b', ['cut-off']), event('c', ['cut-off']), event('d', ['cut-off'])];
    expect(await store.writeBatch(retry, 'retry', new Date())).toEqual({ stored: 1, duplicates: [0, 1, 2], rejected: [] });
    expect(await store.claimUnconfirmed(['a', 'b', 'c'], ['cut-off'], 'retry')).toEqual(new Set(['a', 'b']));
    expect(await batchIdsOf(['a', 'b', 'c', 'd'])).toEqual({ a: 'retry', b: 'retry', c: 'counted', d: 'retry' });

    // A second claim (a re-delivery, another copy) finds them taken: nothing is counted twice.
    expect(await store.claimUnconfirmed(['a', 'b', 'c'], ['cut-off'], 'again')).toEqual(new Set());
    expect(await batchIdsOf(['a', 'b'])).toEqual({ a: 'retry', b: 'retry' });
  });

  it('stores no field of the pipeline\'s own bookkeeping on the document', async () => {
    await store.writeBatch([event('e', ['w1'])], 'plain', new Date());
    const document = await model.collection.findOne({ eventId: 'e' }, { projection: { _id: 0 } });
    expect(Object.keys(document ?? {}).sort()).toEqual(['batchId', 'eventData', 'eventId', 'eventType', 'occurredAt', 'receivedAt', 'sessionId', 'storedAt', 'userId']);
  });

  it('counts a stored batch once when its metrics call comes again (ioredis resends a call whose reply was lost)', async () => {
    const batch: BatchRecord = { batchId: 'resent', size: 3, stored: 2, duplicates: 1, storedByType: { view: 2 }, durationMs: 5, storedAt: Date.now() };
    await metrics.recordBatch(batch, { view: 3 });
    await metrics.recordBatch(batch, { view: 3 });
    await metrics.recordBatch({ ...batch, batchId: 'next' }, { view: 3 });
    await metrics.recordAccepted(4, Date.now());
    await metrics.recordAccepted(4, Date.now());

    const state = await metrics.read();
    expect({ stored: state.stored, duplicates: state.duplicates, batches: state.batchesStored, view: state.storedByType.view, recent: state.recent.length, accepted: state.accepted }).toEqual({
      stored: 4,
      duplicates: 2,
      batches: 2,
      view: 4,
      recent: 2,
      accepted: 8,
    });
  });

  it('keeps the per-second timeline to its window and the batch lists to their sizes', async () => {
    await metrics.reset();
    const start = 1_800_000_000_000;
    const batch = (index: number, at: number): BatchRecord => ({ batchId: `window-${index}`, size: 1, stored: 1, duplicates: 0, storedByType: { search: 1 }, durationMs: index, storedAt: at });
    await metrics.recordAccepted(1, start);
    await metrics.recordBatch(batch(0, start), { search: 1 });
    // One second past the window: the first second's fields are gone, the new ones counted.
    const later = start + (TIMELINE_SECONDS + 1) * 1000;
    await metrics.recordAccepted(2, later);
    for (let index = 1; index <= 2 * BATCH_SAMPLE_SIZE; index += 1) await metrics.recordBatch(batch(index, later), { search: 1 });

    const state = await metrics.read();
    const seconds = [...new Set(Object.keys(state.timeline).filter((field) => field !== 'trimmed').map((field) => field.split(':')[0]))];
    expect(seconds).toEqual([String(later / 1000)]);
    expect(state.timeline[`${later / 1000}:a`]).toBe('2');
    expect(state.timeline[`${later / 1000}:s:search`]).toBe(String(2 * BATCH_SAMPLE_SIZE));
    expect({ sample: state.sample.length, newest: state.sample[0].durationMs, recent: state.recent.length }).toEqual({ sample: BATCH_SAMPLE_SIZE, newest: 2 * BATCH_SAMPLE_SIZE, recent: RECENT_BATCHES });
    expect({ accepted: state.accepted, stored: state.stored, search: state.storedByType.search, since: state.since, lastStoredAt: state.lastStoredAt }).toEqual({
      accepted: 3,
      stored: 2 * BATCH_SAMPLE_SIZE + 1,
      search: 2 * BATCH_SAMPLE_SIZE + 1,
      since: start,
      lastStoredAt: later,
    });
  });

  it('keeps as a dead letter an event the database refuses as a document, and gives it back as it was', async () => {
    // FerretDB 1.24 refuses an array straight inside an array in a document; as the letter's JSON text it is kept.
    const refused = { ...event('nested'), eventData: { grid: [[1, 2], [3]], label: 'a.b$c' } };
    const letter = deadLetterOf(refused, 'refused by the database', 3, 5_000);
    expect(await deadLetters.record([letter])).toBe(1);
    expect(await deadLetters.record([letter])).toBe(0);
    expect(await deadLetters.take(10, ['nested'])).toEqual([letter]);
    expect((await deadLetters.list(1, 10)).items).toEqual([letter]);
    expect(await deadLetters.remove(['nested'])).toBe(1);
  });
});
