// What the audit log costs the server at its cap (README, "Who did what"): with N entries of the real shape and the
// indexes of audit-entry.schema.ts, the count after each write, the trim's boundary read (newest first, skip the
// entries kept) and its delete (the oldest 5 %), and the reads of GET /pedidos/audit (newest page, one run's page).
// A scratch database, dropped at the end.
//   MONGO_URI=mongodb://127.0.0.1:27017/ node bench/audit-trim.cjs [--entries 10000] [--repeat 5]
const { MongoClient, ObjectId } = require('mongodb');
const { parseArgs } = require('node:util');
const { randomUUID } = require('node:crypto');

const { values } = parseArgs({ options: { entries: { type: 'string', default: '10000' }, repeat: { type: 'string', default: '5' } } });
const ENTRIES = Number(values.entries);
const REPEAT = Number(values.repeat);
const STEP = Math.floor(ENTRIES / 20);
const NEWEST_FIRST = { at: -1, _id: -1 };
const ACTIONS = ['generate', 'process', 'cancel', 'reset', 'queue.pause', 'queue.resume', 'queue.clean', 'dead-letters.retry'];

function entries(count, runs, start) {
  return Array.from({ length: count }, (_, i) => ({
    _id: new ObjectId(),
    at: new Date(start + i),
    action: ACTIONS[i % ACTIONS.length],
    method: 'POST',
    path: `/pedidos/${ACTIONS[i % ACTIONS.length].replace('.', '/')}`,
    paramsJson: JSON.stringify({ query: { quantity: String(i), autoProcess: 'true' } }),
    runId: runs[i % runs.length],
    outcome: { status: 202, code: null, message: null, durationMs: 12 },
    resultJson: JSON.stringify({ runId: runs[i % runs.length], phase: 'GENERATING', target: 1000000, autoProcess: true }),
    client: { address: '::ffff:127.0.0.1', keyHolder: 'write', keyFingerprint: 'ad2fbcff7934322a', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0' },
  }));
}

async function timed(label, times, body) {
  const started = process.hrtime.bigint();
  const result = await body();
  (times[label] ??= []).push(Number(process.hrtime.bigint() - started) / 1e6);
  return result;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const uri = process.env.MONGO_URI ?? 'mongodb://127.0.0.1:27017/';
  const client = await MongoClient.connect(uri);
  const db = client.db(`bench_audit_test_${Date.now().toString(36)}`);
  try {
    const log = db.collection('audit_log');
    await log.createIndexes([{ key: { at: -1, _id: -1 } }, { key: { runId: 1, at: -1, _id: -1 } }, { key: { action: 1, at: -1, _id: -1 } }]);
    const runs = Array.from({ length: 50 }, () => randomUUID());
    let clock = Date.parse('2026-12-01T00:00:00Z');
    for (let done = 0; done < ENTRIES; done += 1000) {
      await log.insertMany(entries(Math.min(1000, ENTRIES - done), runs, clock));
      clock += 1000;
    }
    const times = {};
    for (let round = 0; round < REPEAT; round++) {
      await timed('insert one entry', times, () => log.insertOne(entries(1, runs, (clock += 1))[0]));
      await timed('count', times, () => log.countDocuments({}));
      await timed('estimated count', times, () => log.estimatedDocumentCount());
      await timed(`newest page (limit 25)`, times, () => log.find({}).sort(NEWEST_FIRST).limit(25).toArray());
      await timed(`one run's page (limit 50)`, times, () => log.find({ runId: runs[round] }).sort(NEWEST_FIRST).limit(50).toArray());
      // The trim: boundary after the newest (ENTRIES - STEP), then everything older goes; then the log is refilled.
      const [boundary] = await timed(`trim: boundary read (skip ${ENTRIES - STEP})`, times, () =>
        log.find({}, { projection: { _id: 1, at: 1 } }).sort(NEWEST_FIRST).skip(ENTRIES - STEP).limit(1).toArray(),
      );
      const deleted = await timed(`trim: delete the oldest ${STEP}`, times, () =>
        log.deleteMany({ $or: [{ at: { $lt: boundary.at } }, { at: boundary.at, _id: { $lte: boundary._id } }] }),
      );
      if (deleted.deletedCount < STEP) throw new Error(`the trim deleted ${deleted.deletedCount}, not ${STEP}`);
      await log.insertMany(entries(deleted.deletedCount, runs, (clock += STEP)));
    }
    const info = await db.admin().command({ buildInfo: 1 });
    console.log(`${info.ferretdbVersion ? `FerretDB ${info.ferretdbVersion}` : `MongoDB ${info.version}`}, ${ENTRIES} entries, median of ${REPEAT}:`);
    for (const [label, values] of Object.entries(times)) console.log(`  ${label.padEnd(34)} ${median(values).toFixed(1)} ms`);
  } finally {
    await db.dropDatabase();
    await client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
