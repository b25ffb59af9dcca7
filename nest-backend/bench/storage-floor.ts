import type { IndexDescription, MongoClient } from 'mongodb';
import { performance } from 'node:perf_hooks';
import { UserInteractionSchema } from '../src/infrastructure/events/user-interaction.schema';
import { makeEvent } from '../test/support/event-traffic';
import { connectMongo, withDatabase } from './services';
import { per1000, ratePerSecond } from './stats';

/** The indexes Mongoose creates for `user_interactions`, from the intake's schema itself. */
function schemaIndexes(): IndexDescription[] {
  return UserInteractionSchema.indexes().map(([key, options]) => ({ key, ...(options as object) }) as IndexDescription);
}

export interface StorageFloorRun {
  batchSize: number;
  events: number;
  ms: number;
  eventsPerSec: number;
}

export interface StorageFloorResult {
  events: number;
  parallel: number;
  /** Every batch size tried on a tenth of the events, then the fastest on all (`best`), each on a fresh collection. */
  runs: StorageFloorRun[];
  best: StorageFloorRun;
  mongoCommandsPer1000: number;
}

/**
 * The storage floor: the same events, as the documents the consumers write, inserted by the driver
 * alone with unordered `insertMany` (`parallel` in flight) on the intake's indexes, in the batch size of
 * `batchSizes` that was fastest on a tenth of them. The pipeline's storing time is compared with that run.
 */
export async function runStorageFloor(config: { mongoUri: string; database: string; events: number; batchSizes: number[]; parallel: number }): Promise<StorageFloorResult> {
  const client: MongoClient = await connectMongo(withDatabase(config.mongoUri, config.database), { monitorCommands: true });
  let commands = 0;
  client.on('commandStarted', () => commands++);
  const runs: StorageFloorRun[] = [];
  let fullCommands = 0;
  try {
    // Each size on a tenth of the events, then the fastest on all of them: FerretDB inserts a few thousand a second.
    const trial = Math.max(1, Math.min(config.events, Math.ceil(config.events / 10)));
    const trials = config.batchSizes.length > 1 ? config.batchSizes.map((batchSize) => ({ batchSize, events: trial })) : [];
    for (const [i, { batchSize, events }] of [...trials, { batchSize: 0, events: config.events }].entries()) {
      const size = batchSize || (trials.length ? runs.slice(0, trials.length).reduce((a, b) => (b.ms < a.ms ? b : a)).batchSize : config.batchSizes[0]);
      const full = i === trials.length;
      const collection = client.db(config.database).collection(`user_interactions_floor_${i}`);
      await collection.createIndexes(schemaIndexes());
      const commandsBefore = commands;
      const started = performance.now();
      let next = 0;
      const lane = async () => {
        while (next < events) {
          const from = next;
          next = Math.min(events, next + size);
          const receivedAt = new Date();
          const batchId = `floor-${i}-${from}`;
          const documents = Array.from({ length: next - from }, (_, n) => {
            const event = makeEvent(`floor-${i}`, from + n);
            return { ...event, occurredAt: new Date(event.occurredAt), receivedAt, storedAt: new Date(), batchId };
          });
          await collection.insertMany(documents, { ordered: false });
        }
      };
      await Promise.all(Array.from({ length: config.parallel }, lane));
      const ms = Math.round(performance.now() - started);
      runs.push({ batchSize: size, events, ms, eventsPerSec: ratePerSecond(events, ms) });
      if (full) fullCommands = commands - commandsBefore;
      await collection.drop();
    }
  } finally {
    await client.db(config.database).dropDatabase().catch(() => undefined);
    await client.close();
  }
  return { events: config.events, parallel: config.parallel, runs, best: runs[runs.length - 1], mongoCommandsPer1000: per1000(fullCommands, config.events) };
}
