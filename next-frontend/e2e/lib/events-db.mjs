import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The backend's own MongoDB driver (the dashboard package has none).
const require = createRequire(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../nest-backend/package.json'));
const { MongoClient } = require('mongodb');

/** Stored events in `user_interactions` of the database in `uri`: in total and per type (equality filters only). */
export async function storedEventCounts(uri, types) {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    const collection = client.db().collection('user_interactions');
    const byType = {};
    for (const type of types) byType[type] = await collection.countDocuments({ eventType: type });
    return { total: await collection.countDocuments({}), byType };
  } finally {
    await client.close();
  }
}

/** Drops the database in `uri` (the test's own; its name says "test"). */
export async function dropTestDatabase(uri) {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    if (!/test/i.test(client.db().databaseName)) throw new Error(`refusing to drop ${client.db().databaseName}: its name lacks "test"`);
    await client.db().dropDatabase();
  } finally {
    await client.close();
  }
}
