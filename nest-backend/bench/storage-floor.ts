import type { IndexDescription, MongoClient } from 'mongodb';
import { performance } from 'node:perf_hooks';
import { makeEvent } from '../test/support/event-traffic';
import { connectMongo, withDatabase } from './services';
import { per1000, ratePerSecond } from './stats';

/** The indexes of `user_interactions` (the intake's schema): the idempotency key and the dashboard's queries. */
export const USER_INTERACTION_INDEXES: IndexDescription[] = [
  { key: { eventId: 1 }, unique: true },
  { key: { userId: 1, eventType: 1 } },
  { key: { occurredAt: 1 } },
];

export interface StorageFloorRun {
  batchSize: number;
  ms: number;
  eventsPerSec: number;
}

export interface StorageFloorResult {
  events: number;
  parallel: number;
  /** Every batch size tried, on a fresh collection each; `best` is the fastest. */
  runs: StorageFloorRun[];
  best: StorageFloorRun;
  mongoCommandsPer1000: number;
}

/**
 * The storage floor: the same events, as the documents the consumers write, inserted by the driver
 * alone with unordered `insertMany` of each size in `batchSizes` (`parallel` in flight) on the intake's
 * indexes. The pipeline's storing time is compared with the fastest.
 */
export async function runStorageFloor(config: { mongoUri: string; database: string; events: number; batchSizes: number[]; parallel: number; indexes?: IndexDescription[] }): Promise<StorageFloorResult> {
  const client: MongoClient = await connectMongo(withDatabase(config.mongoUri, config.database), { monitorCommands: true });
  let commands = 0;
  client.on('commandStarted', () => commands++);
  const runs: StorageFloorRun[] = [];
  let best = Infinity;
  let bestCommands = 0;
  try {
    for (const batchSize of config.batchSizes) {
      const collection = client.db(config.database).collection(`user_interactions_floor_${batchSize}`);
      await collection.createIndexes(config.indexes ?? USER_INTERACTION_INDEXES);
      const commandsBefore = commands;
      const started = performance.now();
      let next = 0;
      const lane = async () => {
        while (next < config.events) {
          const from = next;
          next = Math.min(config.events, next + batchSize);
          const receivedAt = new Date();
          const batchId = `floor-${batchSize}-${from}`;
          const documents = Array.from({ length: next - from }, (_, i) => {
            const event = makeEvent(`floor-${batchSize}`, from + i);
            return { ...event, occurredAt: new Date(event.occurredAt), receivedAt, storedAt: new Date(), batchId };
          });
          await collection.insertMany(documents, { ordered: false });
        }
      };
      await Promise.all(Array.from({ length: config.parallel }, lane));
      const ms = Math.round(performance.now() - started);
      runs.push({ batchSize, ms, eventsPerSec: ratePerSecond(config.events, ms) });
      if (ms < best) {
        best = ms;
        bestCommands = commands - commandsBefore;
      }
      await collection.drop();
    }
  } finally {
    await client.db(config.database).dropDatabase().catch(() => undefined);
    await client.close();
  }
  const fastest = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { events: config.events, parallel: config.parallel, runs, best: fastest, mongoCommandsPer1000: per1000(bestCommands, config.events) };
}
