// How the server plans the workers' updateMany filter, and what one such update costs on a collection of 60,000
// orders (bench/README.md, third pass). Uses a scratch database, dropped at the end.
//   MONGO_URI=mongodb://127.0.0.1:27217/ node bench/update-plan.cjs
const { MongoClient } = require('mongodb');

const ORDERS = 60_000;

async function main() {
  const client = await MongoClient.connect(process.env.MONGO_URI ?? 'mongodb://127.0.0.1:27017/', { serverSelectionTimeoutMS: 3_000 });
  const db = client.db(`pedidos_update_plan_${Date.now()}`);
  try {
    const orders = db.collection('orders');
    await orders.createIndex({ runId: 1, priority: 1, seq: 1 });
    await orders.createIndex({ runId: 1, priority: 1, status: 1 });
    const docs = Array.from({ length: ORDERS }, (_, i) => ({ id: `o${i}`, runId: 'r', priority: i % 4 === 0 ? 'VIP' : 'NORMAL', seq: i, status: 'pendente', attempts: 0 }));
    for (let i = 0; i < docs.length; i += 10_000) await orders.insertMany(docs.slice(i, i + 10_000));

    const filter = { runId: 'r', priority: 'NORMAL', seq: { $gte: 1_000, $lt: 1_500 }, status: 'pendente' };
    const plan = await db.command({ explain: { find: 'orders', filter }, verbosity: 'queryPlanner' });
    console.log(JSON.stringify(plan.queryPlanner, null, 1));
    if ('filterPushdown' in plan) console.log(`filterPushdown: ${plan.filterPushdown}`);

    const started = Date.now();
    const result = await orders.updateMany(filter, { $set: { status: 'processado' }, $inc: { attempts: 1 } });
    console.log(`updateMany of ${result.modifiedCount} orders in a collection of ${ORDERS}: ${Date.now() - started} ms`);
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
