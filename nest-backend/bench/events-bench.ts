import type Redis from 'ioredis';
import type { MongoClient } from 'mongodb';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTS_QUEUE } from '../src/infrastructure/queue/queue-names';
import { RedisKeys } from '../src/infrastructure/redis/redis-keys';
import { OwnRedis } from '../test/support/own-services';
import { freePort } from '@pedidos/processes';
import { BackendProcess, spawnBackend, waitUntilUp } from './backend-processes';
import { runBullJobFloor } from './bull-job-floor';
import { backendNodeFlags, buildBackend, findBackendDir, findRepoRoot, resultHeader } from './bench-setup';
import { LocalServices, findOrStartServices } from './local-services';
import { EVENTS_USAGE, EventsBenchOptions, parseEventsOptions } from './events-options';
import { IntakePhase, PhaseContext, runIntakePhase } from './intake-phase';
import { waitForIndexBuilds, waitForReady } from './pipeline-run';
import { sourceVersion, today, writeResult } from './report';
import { ServiceUnreachable, connectMongo, connectRedisOrThrow, deleteKeys, describeServer, redact, withDatabase } from './services';
import { EventFloors, describeFloors, floorBudget } from './event-floors';
import { runStorageFloor } from './storage-floor';
import { round2 } from './stats';
import { runServerFloor } from './server-floor';
import { describeEventsRun, eventTargets, describeTargets } from './events-report';

const EXIT_UNREACHABLE = 2;
const WARM_UP_S = 3;
/** Jobs the bare Bull queue adds, takes and completes to measure its Redis commands per job. */
const BULL_FLOOR_JOBS = 500;

async function main(): Promise<number> {
  let options: EventsBenchOptions;
  try {
    const parsed = parseEventsOptions(process.argv.slice(2));
    if (parsed === 'help') {
      process.stdout.write(`${EVENTS_USAGE}\n`);
      return 0;
    }
    options = parsed;
  } catch (error) {
    process.stderr.write(`bench:events: ${(error as Error).message}\n\n${EVENTS_USAGE}\n`);
    return 64; // EX_USAGE
  }
  const backendDir = findBackendDir(__dirname);
  const repoRoot = findRepoRoot(backendDir);
  const source = sourceVersion(repoRoot);
  // Like `bench`, `start` and `test`: a service whose URL is unset is found or started (and named).
  const services: LocalServices | null = !process.env.MONGO_URI || (options.sharedRedis && !process.env.REDIS_URL) ? await findOrStartServices(repoRoot) : null;
  const mongoUri = services?.mongoUri ?? process.env.MONGO_URI!;
  const sharedRedisUrl = services?.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let ownRedis: OwnRedis | null = null;
  let mongo: MongoClient | null = null;
  let redis: Redis | null = null;
  try {
    mongo = await connectMongo(mongoUri);
    if (!options.sharedRedis) {
      ownRedis = new OwnRedis(await freePort(), options.redisAppendfsync);
      await ownRedis.start();
    }
    redis = await connectRedisOrThrow(ownRedis?.url ?? sharedRedisUrl);
  } catch (error) {
    await mongo?.close();
    await ownRedis?.destroy();
    await services?.stop().catch(() => undefined);
    if (!(error instanceof ServiceUnreachable)) throw error;
    process.stderr.write(`bench:events: ${error.message}\nbench:events: nothing was run.\n`);
    return EXIT_UNREACHABLE;
  }
  const redisUrl = ownRedis?.url ?? sharedRedisUrl;
  const server = await describeServer(mongo);
  process.stderr.write(`bench:events: ${server.id} at ${redact(mongoUri)}, ${ownRedis ? `private redis-server (AOF, appendfsync ${options.redisAppendfsync}) at ${redisUrl}` : `Redis at ${redact(redisUrl)}`}\n`);
  if (options.build) buildBackend(backendDir);
  const logDir = join(repoRoot, 'bench', 'tmp', `events-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(logDir, { recursive: true });
  process.stderr.write(`bench:events: process logs in ${logDir}\n`);

  const database = `bench_events_${Date.now()}`;
  const backends: BackendProcess[] = [];
  const cleanUp = async () => {
    await Promise.all(backends.map((backend) => backend.stop()));
    await mongo!.db(database).dropDatabase().catch(() => undefined);
    await deleteKeys(redis!, options.keyPrefix).catch(() => undefined);
    redis!.disconnect();
    await ownRedis?.destroy();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench:events: ${signal}: stopping the processes and dropping the bench database\n`);
      void cleanUp()
        .then(() => services?.stop())
        .finally(() => process.exit(130));
    });
  }
  try {
    const ports: number[] = [];
    for (let i = 0; i < options.apis; i++) ports.push(await freePort());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      MONGO_URI: withDatabase(mongoUri, database),
      REDIS_URL: redisUrl,
      KEY_PREFIX: options.keyPrefix,
      MONGO_MONITOR_COMMANDS: 'true',
      RUN_WORKERS_IN_API: String(options.apiConsumes),
      EVENTS_RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      ...options.backendEnv,
    };
    const spec = { backendDir, logDir, env, nodeArgs: backendNodeFlags(backendDir) };
    ports.forEach((port, i) => backends.push(spawnBackend(i === 0 ? 'api' : `api-${i + 1}`, 'main.js', { ...spec, env: { ...env, PORT: String(port) } })));
    for (let i = 1; i <= options.workers; i++) backends.push(spawnBackend(`worker-${i}`, 'worker.js', spec));
    await Promise.all(backends.map(waitUntilUp));
    // Every API takes a share of the load's connections; the metrics, shared in Redis, are read through the first.
    const apis = ports.map((port) => `http://127.0.0.1:${port}`);
    const api = apis[0];
    for (const url of apis) await waitForReady(url);
    await waitForIndexBuilds(backends);

    const ctx: PhaseContext = { api, redis, backends, db: mongo.db(database), sampleEveryMs: options.sampleEveryMs, redisPid: ownRedis?.pid ?? null, jobIdKey: `${new RedisKeys(options.keyPrefix).bullPrefix}:${EVENTS_QUEUE}:id` };
    // Warm-up (not measured): lazy compilation, connection pools, the first batches.
    await runIntakePhase(ctx, 'warm-up', { url: apis, connections: 10, durationS: WARM_UP_S, rate: 500, batchSize: null, tag: 'warm' });
    const single = await runIntakePhase(ctx, 'single', { url: apis, connections: options.connections, durationS: options.durationS, rate: options.singleRate, batchSize: null, tag: 'single' });
    process.stdout.write(`${describeEventsRun(single)}\n`);
    const batch = await runIntakePhase(ctx, 'batch', { url: apis, connections: options.batchConnections, durationS: 0, amount: Math.ceil(options.batchEvents / options.batchSize), rate: 0, batchSize: options.batchSize, tag: 'batch' });
    process.stdout.write(`${describeEventsRun(batch)}\n`);
    const storedInDatabase = await ctx.db.collection('user_interactions').countDocuments({});
    for (const backend of backends) await backend.stop();

    let floors: EventFloors | null = null;
    if (options.floors) {
      const benchDir = join(backendDir, 'dist', 'bench', 'bench');
      const http = await runServerFloor(join(benchDir, 'http-floor-server.js'), options);
      const framework = await runServerFloor(join(benchDir, 'nest-floor-server.js'), options);
      const queue = await runBullJobFloor({ redisUrl, redis: redis!, keyPrefix: options.keyPrefix, jobs: BULL_FLOOR_JOBS, eventsPerJob: Math.max(1, Math.round(single.eventsPerJob)), concurrency: Number(env.EVENTS_QUEUE_CONCURRENCY ?? 16) });
      const events = Math.min(batch.storedEvents, options.storageFloorMaxEvents);
      const sizes = [...new Set([Number(env.EVENTS_BATCH_SIZE ?? 1000), 500, 1000, 2000])].sort((a, b) => a - b);
      const storage = await runStorageFloor({ mongoUri, database: `${database}_floor`, events, batchSizes: sizes, parallel: 2 });
      floors = { http, framework, queue, storage };
      process.stdout.write(`${describeFloors(floors, single, options)}\n`);
    }

    const list = eventTargets(single, batch, floors?.storage ?? null);
    process.stdout.write(`targets:\n${describeTargets(list)}\n`);
    const file = writeResult(repoRoot, `${today()}-events-${server.id}${options.label ? `-${options.label}` : ''}`, {
      ...resultHeader('bench:events', source, server),
      settings: { ...options, redis: ownRedis ? `private redis-server, AOF appendfsync ${options.redisAppendfsync}` : 'shared (REDIS_URL)' },
      single: withoutSeries(single),
      batch: withoutSeries(batch),
      storedInDatabase,
      floors,
      storedToFloorRatio: floors ? round2(batch.storeMs / floors.storage.best.ms) : null,
      floorBudget: floors ? floorBudget(floors) : null,
      targets: list,
      memorySeries: single.memorySeries,
      loadAverage: readFileSync('/proc/loadavg', 'utf8').trim(),
    });
    process.stdout.write(`bench:events: wrote ${file}\n`);
    return 0;
  } finally {
    await cleanUp();
    await mongo.close();
    await services?.stop().catch(() => undefined);
  }
}

function withoutSeries(phase: IntakePhase): Omit<IntakePhase, 'memorySeries'> {
  const { memorySeries: _series, ...rest } = phase;
  return rest;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`bench:events: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
