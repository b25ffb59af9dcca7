import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The backend's own MongoDB driver (the dashboard package has none).
const require = createRequire(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../nest-backend/package.json'));
const { MongoClient } = require('mongodb');

/** What the database says about a run's orders: totals per status, and those not written exactly once. */
export async function ordersOfRun(uri, runId) {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    const orders = client.db().collection('orders');
    const count = (filter) => orders.countDocuments({ runId, ...filter });
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
