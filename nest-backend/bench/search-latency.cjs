// How long the searches of GET /pedidos/orders take on the configured server, with the API's own queries
// (dist/infrastructure/mongo/order-search-queries.js: build first with `npx tsc -p tsconfig.build.json`).
// ORDERS orders of one run, made by the generator and stored already processed (so no update is timed), then each
// query shape timed ROUNDS times (median printed). Scratch database, dropped at the end.
//   MONGO_URI=mongodb://127.0.0.1:27017/ node bench/search-latency.cjs [--orders 100000] [--rounds 3] [--no-search-indexes]
const { MongoClient } = require('mongodb');
const { parseArgs } = require('node:util');
const { makeOrders } = require('../dist/application/generate-orders/order-factory.js');
const { runOrdersFinds, lanePlaceFilters, byIdFilter } = require('../dist/infrastructure/mongo/order-search-queries.js');
const { ORDER_SEARCH_INDEXES } = require('../dist/infrastructure/mongo/order-search-indexes.js');

const { values } = parseArgs({ options: { orders: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' }, 'no-search-indexes': { type: 'boolean', default: false } } });
const ORDERS = Number(values.orders);
const ROUNDS = Number(values.rounds);
const RUN_ID = '0b1f6a2e-7c3d-4e5f-8a9b-0c1d2e3f4a5b';
const PAGE = 51;

async function main() {
  const client = await MongoClient.connect(process.env.MONGO_URI ?? 'mongodb://127.0.0.1:27017/', { serverSelectionTimeoutMS: 3_000 });
  const db = client.db(`pedidos_search_latency_${Date.now()}`);
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    const indexes = [{ key: { runId: 1, priority: 1, status: 1, job: 1 } }, ...(values['no-search-indexes'] ? [] : ORDER_SEARCH_INDEXES)];
    console.log(`server: ${info.ferretdbVersion ? `FerretDB ${info.ferretdbVersion}` : `MongoDB ${info.version}`}, ${new Date().toISOString()}, ${ORDERS} orders, ${indexes.length} secondary indexes, median of ${ROUNDS}`);
    const orders = db.collection('orders');
    await orders.createIndexes(indexes);
    const cursor = { vip: 0, normal: 0 };
    const started = Date.now();
    for (let made = 0; made < ORDERS; made += 5_000) {
      const chunk = makeOrders({ runId: RUN_ID, ordersPerJob: 5_000, cursor }, Math.min(5_000, ORDERS - made), new Date());
      const processedAt = new Date();
      await orders.insertMany(chunk.map((order) => ({ ...order, status: 'processado', processedAt, attempts: 1 })), { ordered: false });
    }
    console.log(`stored in ${Date.now() - started} ms`);
    const sample = await orders.findOne({ priority: 'NORMAL' }, { sort: { seq: -1 } });
    const firstPage = await orders.find(runOrdersFinds({ runId: RUN_ID, filters: {}, sortKey: 'lane', after: null, limit: PAGE })[0].filter).sort({ processedAt: 1, _id: 1 }).limit(PAGE).toArray();
    const last = firstPage.at(-1);
    const after = { key: last.processedAt.toISOString(), tiebreak: last._id.toHexString() };
    const shapes = {
      'by id': [{ filter: byIdFilter(sample.id).filter, limit: 1 }],
      'run, first page': runOrdersFinds({ runId: RUN_ID, filters: {}, sortKey: 'lane', after: null, limit: PAGE }),
      'run, next page': runOrdersFinds({ runId: RUN_ID, filters: {}, sortKey: 'lane', after, limit: PAGE }),
      'status=falhou (none)': runOrdersFinds({ runId: RUN_ID, filters: { status: 'falhou' }, sortKey: 'lane', after: null, limit: PAGE }),
      'cliente=Ana': runOrdersFinds({ runId: RUN_ID, filters: { clientePrefix: 'Ana' }, sortKey: 'cliente', after: null, limit: PAGE }),
      'tier=OURO': runOrdersFinds({ runId: RUN_ID, filters: { tier: 'OURO' }, sortKey: 'lane', after: null, limit: PAGE }),
    };
    const place = lanePlaceFilters(sample);
    const timings = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, finds] of Object.entries(shapes)) {
        const t = Date.now();
        for (const find of finds) await orders.find(find.filter).sort(find.sort ?? {}).limit(find.limit).toArray();
        (timings[name] ??= []).push(Date.now() - t);
      }
      const t = Date.now();
      await Promise.all([orders.countDocuments(place.before), orders.countDocuments(place.together)]);
      (timings['place in lane (two counts)'] ??= []).push(Date.now() - t);
    }
    const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    console.log('| query | ms (median) | each round |');
    console.log('|---|---|---|');
    for (const [name, list] of Object.entries(timings)) console.log(`| ${name} | ${median(list)} | ${list.join(' / ')} |`);
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
