import { createRequire } from 'node:module';
import path from 'node:path';
import { BACKEND } from './paths';

/** The little of the MongoDB driver these checks use. */
interface Client {
  connect(): Promise<unknown>;
  close(): Promise<void>;
  db(): { databaseName: string; dropDatabase(): Promise<unknown>; collection(name: string): { countDocuments(filter: object): Promise<number> } };
}

// The backend's own MongoDB driver (the dashboard package has none).
const { MongoClient } = createRequire(path.join(BACKEND, 'package.json'))('mongodb') as { MongoClient: new (uri: string, options: object) => Client };

/** Stored events in `user_interactions` of the database in `uri`: in total and per type (equality filters only). */
export async function storedEventCounts(uri: string, types: readonly string[]): Promise<{ total: number; byType: Record<string, number> }> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    const collection = client.db().collection('user_interactions');
    const byType: Record<string, number> = {};
    for (const type of types) byType[type] = await collection.countDocuments({ eventType: type });
    return { total: await collection.countDocuments({}), byType };
  } finally {
    await client.close();
  }
}

/** What the database says about a run's orders: totals per status, and those not written exactly once. */
export async function ordersOfRun(uri: string, runId: string) {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    const orders = client.db().collection('orders');
    const count = (filter: Record<string, unknown>) => orders.countDocuments({ runId, ...filter });
    return {
      total: await count({}),
      processed: await count({ status: 'processado' }),
      pending: await count({ status: 'pendente' }),
      failed: await count({ status: 'falhou' }),
      notOnce: await count({ status: 'processado', attempts: { $ne: 1 } }),
    };
  } finally {
    await client.close();
  }
}

/** Drops the database in `uri` (the test's own; its name says "test"). */
export async function dropTestDatabase(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    if (!/test/i.test(client.db().databaseName)) throw new Error(`refusing to drop ${client.db().databaseName}: its name lacks "test"`);
    await client.db().dropDatabase();
  } finally {
    await client.close();
  }
}
