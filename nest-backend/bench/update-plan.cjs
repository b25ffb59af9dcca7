// How the server plans the workers' updateMany filter in both shapes — the seq range the workers sent before
// (`{runId, priority, seq: {$gte, $lt}, status}`) and the job-key equality they send now (`{runId, priority,
// status, job}`) — what one update of each costs, and what each index of `orders` costs on the insert and update
// paths (bench/README.md, "Job key" and "Index review"). Scratch databases, dropped at the end.
//   MONGO_URI=mongodb://127.0.0.1:27310/ node bench/update-plan.cjs [--orders 60000] [--index-orders 20000] [--repeat 3] [--skip-indexes]
// With --repeat R every index set is measured R times, the rounds interleaved, and the median of each is printed.
const { MongoClient } = require('mongodb');
const { parseArgs } = require('node:util');
const { sampleOrders } = require('./sample-orders.cjs');

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '60000' },
    'index-orders': { type: 'string', default: '20000' },
    repeat: { type: 'string', default: '1' },
    'skip-indexes': { type: 'boolean', default: false },
  },
});
const ORDERS = Number(values.orders);
const INDEX_ORDERS = Number(values['index-orders']);
const REPEAT = Number(values.repeat);
const PER_JOB = 5_000;

/** The index of the code (order.schema.ts) and the ones it had before this review. */
const JOB_INDEX = { key: { runId: 1, priority: 1, status: 1, job: 1 } };
const FORMER = [
  { name: '{runId, priority, seq}', spec: { key: { runId: 1, priority: 1, seq: 1 } } },
  { name: '{runId, priority, status}', spec: { key: { runId: 1, priority: 1, status: 1 } } },
  { name: '{priority, status}', spec: { key: { priority: 1, status: 1 } } },
  { name: '{id} unique', spec: { key: { id: 1 }, unique: true } },
  { name: '{runId}', spec: { key: { runId: 1 } } },
  { name: '{priority}', spec: { key: { priority: 1 } } },
  { name: '{createdAt}', spec: { key: { createdAt: 1 } } },
];


async function fill(collection, docs) {
  const started = Date.now();
  for (let i = 0; i < docs.length; i += 5_000) await collection.insertMany(docs.slice(i, i + 5_000), { ordered: false });
  return Date.now() - started;
}

const UPDATE = { $set: { status: 'processado', processedAt: new Date(), observacoes: 'processado sem prioridade' }, $inc: { attempts: 1 } };

async function timed(collection, filter) {
  const started = Date.now();
  const result = await collection.updateMany(filter, UPDATE);
  return { ms: Date.now() - started, modified: result.modifiedCount };
}

async function plans(client) {
  const db = client.db(`pedidos_update_plan_${Date.now()}`);
  try {
    const collection = db.collection('orders');
    await collection.createIndexes([JOB_INDEX, FORMER[0].spec]);
    await fill(collection, sampleOrders(ORDERS, PER_JOB));
    const shapes = {
      'seq range (before)': { runId: 'r', priority: 'NORMAL', seq: { $gte: 5_000, $lt: 10_000 }, status: 'pendente' },
      'job key (now)': { runId: 'r', priority: 'NORMAL', status: 'pendente', job: 2 },
    };
    for (const [name, filter] of Object.entries(shapes)) {
      const plan = await db.command({ explain: { find: 'orders', filter }, verbosity: 'queryPlanner' });
      console.log(`--- ${name}: ${JSON.stringify(filter)}`);
      console.log(JSON.stringify(plan.queryPlanner, null, 1));
      if ('filterPushdown' in plan) console.log(`filterPushdown: ${plan.filterPushdown}`);
    }
    for (const [name, filter] of Object.entries(shapes)) {
      const { ms, modified } = await timed(collection, filter);
      console.log(`updateMany, ${name}: ${modified} orders in a collection of ${ORDERS}: ${ms} ms`);
    }
  } finally {
    await db.dropDatabase().catch(() => undefined);
  }
}

/** Inserts INDEX_ORDERS orders, then marks two NORMAL jobs processed by job key, for each set of indexes. */
async function indexCosts(client) {
  const sets = [
    { name: '`_id` only', specs: [] },
    { name: '`_id` + {runId, priority, status, job} (the code)', specs: [JOB_INDEX] },
    ...FORMER.map(({ name, spec }) => ({ name: `\`_id\` + {runId, priority, status, job} + ${name}`, specs: [JOB_INDEX, spec] })),
    { name: 'all 8 indexes of before + the job index', specs: [JOB_INDEX, ...FORMER.map(({ spec }) => spec)] },
  ];
  const measured = sets.map(() => []);
  for (let round = 0; round < REPEAT; round++) {
    for (const [i, set] of sets.entries()) measured[i].push(await indexCost(client, set.specs));
  }
  console.log(`\nindex costs${REPEAT > 1 ? `, median of ${REPEAT} interleaved rounds` : ''}:`);
  console.log(`| indexes | insert ${INDEX_ORDERS} ms | update 2 jobs (${2 * PER_JOB} orders) ms | update µs / order |${REPEAT > 1 ? ' update ms of each round |' : ''}`);
  console.log(`|---|---|---|---|${REPEAT > 1 ? '---|' : ''}`);
  for (const [i, set] of sets.entries()) {
    const insertMs = median(measured[i].map((m) => m.insertMs));
    const updateMs = median(measured[i].map((m) => m.updateMs));
    const perOrder = Math.round((updateMs * 1000) / measured[i][0].modified);
    console.log(`| ${set.name} | ${insertMs} | ${updateMs} | ${perOrder} |${REPEAT > 1 ? ` ${measured[i].map((m) => m.updateMs).join(' / ')} |` : ''}`);
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function indexCost(client, specs) {
  const db = client.db(`pedidos_index_cost_${Date.now()}`);
  try {
    const collection = db.collection('orders');
    if (specs.length > 0) await collection.createIndexes(specs);
    else await db.createCollection('orders');
    const insertMs = await fill(collection, sampleOrders(INDEX_ORDERS, PER_JOB));
    const first = await timed(collection, { runId: 'r', priority: 'NORMAL', status: 'pendente', job: 0 });
    const second = await timed(collection, { runId: 'r', priority: 'NORMAL', status: 'pendente', job: 1 });
    return { insertMs, updateMs: first.ms + second.ms, modified: first.modified + second.modified };
  } finally {
    await db.dropDatabase().catch(() => undefined);
  }
}

async function main() {
  const client = await MongoClient.connect(process.env.MONGO_URI ?? 'mongodb://127.0.0.1:27017/', { serverSelectionTimeoutMS: 3_000 });
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    console.log(`server: ${info.ferretdbVersion ? `FerretDB ${info.ferretdbVersion}` : `MongoDB ${info.version}`}, ${new Date().toISOString()}`);
    await plans(client);
    if (!values['skip-indexes']) await indexCosts(client);
  } finally {
    await client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
