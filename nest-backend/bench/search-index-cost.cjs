// What the order-search indexes (ORDER_SEARCH_INDEXES, src/infrastructure/mongo/order-search-indexes.ts) cost on
// the pipeline's write paths: INDEX_ORDERS orders inserted in chunks of 5,000, then two NORMAL jobs of 5,000 marked
// processed by job key, as the workers do — with the pipeline's index alone, with each search index added, and
// with all of them. Scratch databases, dropped at the end; rounds interleaved, medians printed.
//   MONGO_URI=mongodb://127.0.0.1:27017/ node bench/search-index-cost.cjs [--index-orders 20000] [--repeat 3] [--all-only]
// --all-only measures two sets (the pipeline's index alone, and with all four search indexes) instead of six.
const { MongoClient } = require('mongodb');
const { parseArgs } = require('node:util');
const { sampleOrders } = require('./sample-orders.cjs');

const { values } = parseArgs({
  options: { 'index-orders': { type: 'string', default: '20000' }, repeat: { type: 'string', default: '3' }, 'all-only': { type: 'boolean', default: false } },
});
const INDEX_ORDERS = Number(values['index-orders']);
const REPEAT = Number(values.repeat);
const PER_JOB = 5_000;

/** Copied from order.schema.ts and order-search-indexes.ts (this script runs without a build). */
const PIPELINE = { key: { runId: 1, priority: 1, status: 1, job: 1 } };
const SEARCH = [
  { name: 'search_id', key: { id: 1 } },
  { name: 'search_lane', key: { runId: 1, priority: 1, status: 1, processedAt: 1, _id: 1 } },
  { name: 'search_cliente', key: { runId: 1, cliente: 1, _id: 1 } },
  { name: 'search_created', key: { runId: 1, createdAt: 1, _id: 1 } },
];
const SETS = [
  { name: 'pipeline index only (ORDER_SEARCH_INDEXES=false)', specs: [PIPELINE] },
  ...(values['all-only'] ? [] : SEARCH.map((index) => ({ name: `+ ${index.name}`, specs: [PIPELINE, index] }))),
  { name: 'all four search indexes (ORDER_SEARCH_INDEXES=true)', specs: [PIPELINE, ...SEARCH] },
];

async function measure(client, specs) {
  const db = client.db(`pedidos_search_index_cost_${Date.now()}`);
  try {
    const collection = db.collection('orders');
    await collection.createIndexes(specs);
    const docs = sampleOrders(INDEX_ORDERS, PER_JOB);
    let started = Date.now();
    for (let i = 0; i < docs.length; i += 5_000) await collection.insertMany(docs.slice(i, i + 5_000), { ordered: false });
    const insertMs = Date.now() - started;
    started = Date.now();
    let modified = 0;
    for (const job of [0, 1]) {
      const update = { $set: { status: 'processado', processedAt: new Date(), observacoes: 'processado sem prioridade' }, $inc: { attempts: 1 } };
      modified += (await collection.updateMany({ runId: 'r', priority: 'NORMAL', status: 'pendente', job }, update)).modifiedCount;
    }
    return { insertMs, updateMs: Date.now() - started, modified };
  } finally {
    await db.dropDatabase().catch(() => undefined);
  }
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

async function main() {
  const client = await MongoClient.connect(process.env.MONGO_URI ?? 'mongodb://127.0.0.1:27017/', { serverSelectionTimeoutMS: 3_000 });
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    console.log(`server: ${info.ferretdbVersion ? `FerretDB ${info.ferretdbVersion}` : `MongoDB ${info.version}`}, ${new Date().toISOString()}, ${INDEX_ORDERS} orders, ${REPEAT} interleaved rounds`);
    const measured = SETS.map(() => []);
    for (let round = 0; round < REPEAT; round++) for (const [i, set] of SETS.entries()) measured[i].push(await measure(client, set.specs));
    console.log(`| indexes | insert ${INDEX_ORDERS} ms | update ${measured[0][0].modified} ms | µs per updated order | update ms of each round |`);
    console.log('|---|---|---|---|---|');
    for (const [i, set] of SETS.entries()) {
      const updateMs = median(measured[i].map((m) => m.updateMs));
      console.log(`| ${set.name} | ${median(measured[i].map((m) => m.insertMs))} | ${updateMs} | ${Math.round((updateMs * 1000) / measured[i][0].modified)} | ${measured[i].map((m) => m.updateMs).join(' / ')} |`);
    }
  } finally {
    await client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
