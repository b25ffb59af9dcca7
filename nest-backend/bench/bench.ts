import type Redis from 'ioredis';
import type { MongoClient } from 'mongodb';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildBackend, findBackendDir, findRepoRoot, resultHeader } from './bench-setup';
import { FloorResult, runFloor } from './floor';
import { timeGeneration } from './generation';
import { BenchOptions, USAGE, parseOptions } from './options';
import { BenchContext, PipelineConfig, PipelineResult, runPipeline } from './pipeline-run';
import { describeFloor, describePipeline, describeTargets, markdownTable, sourceVersion, targets, today, writeResult } from './report';
import { LocalServices, findOrStartServices } from './local-services';
import { ServerInfo, ServiceUnreachable, connectMongo, connectRedisOrThrow, deleteKeys, describeServer, redact } from './services';
import { round2 } from './stats';

const EXIT_UNREACHABLE = 2;
let services: LocalServices | null = null;

function configOf(options: BenchOptions, changes: Partial<PipelineConfig> = {}): PipelineConfig {
  return {
    orders: options.orders,
    ordersPerJob: options.ordersPerJob,
    concurrency: options.concurrency,
    chunkSize: options.chunkSize,
    workers: options.workers,
    autoProcess: options.mode !== 'store-only',
    ...changes,
  };
}

function floorConfig(options: BenchOptions, orders: number) {
  return { orders, insertBatch: options.chunkSize, updateBatch: options.floorUpdateBatch || options.ordersPerJob, parallel: options.floorParallel };
}

async function pipelineMode(ctx: BenchContext, options: BenchOptions, server: ServerInfo, repoRoot: string, source: string): Promise<void> {
  const main = await runPipeline(ctx, configOf(options), 'pipeline');
  process.stdout.write(`${describePipeline(main)}\n`);
  let floor: FloorResult | null = null;
  if (options.floor && options.mode !== 'store-only') {
    floor = await runFloor(ctx, floorConfig(options, options.orders));
    process.stdout.write(`${describeFloor(floor, main.totalMs)}\n`);
  }
  let memoryCheck: { smallOrders: number; smallPeakRssMb: Record<string, number>; growth: number } | null = null;
  if (options.memoryCheck) {
    const small = await runPipeline(ctx, configOf(options, { orders: Math.max(1, Math.round(options.orders / 10)) }), 'memory N/10');
    const growth = round2(Math.max(...Object.keys(main.peakRssMb).map((name) => main.peakRssMb[name] / small.peakRssMb[name] - 1)));
    memoryCheck = { smallOrders: small.orders, smallPeakRssMb: small.peakRssMb, growth };
    process.stdout.write(`memory: peak RSS at ${small.orders} orders ${JSON.stringify(small.peakRssMb)}, at ${main.orders} ${JSON.stringify(main.peakRssMb)}: growth ${Math.round(growth * 100)}%\n`);
  }
  let compareSingle: { batched: PipelineResult; single: PipelineResult; table: string } | null = null;
  if (options.compareSingle > 0) {
    const orders = options.compareSingle;
    const batched = await runPipeline(ctx, configOf(options, { orders }), `batched ×${options.ordersPerJob}`);
    const single = await runPipeline(ctx, configOf(options, { orders, ordersPerJob: 1 }), 'one order per job');
    const table = markdownTable([batched, single], null);
    compareSingle = { batched, single, table };
    process.stdout.write(`batching at ${orders} orders:\n${table}\n`);
  }

  const floorRatio = floor ? round2(main.totalMs / floor.floorMs) : null;
  const list = targets(main, floorRatio, memoryCheck?.growth ?? null);
  process.stdout.write(`targets:\n${describeTargets(list)}\n`);
  const { details, ...figures } = main;
  const mode = options.mode === 'store-only' ? '-store-only' : '';
  const file = writeResult(repoRoot, `${today()}-${server.id}-${options.orders}${mode}${options.label ? `-${options.label}` : ''}`, {
    ...resultHeader('bench', source, server),
    ...figures,
    floorMs: floor?.floorMs ?? null,
    floorRatio,
    floor,
    memoryCheck,
    compareSingle: compareSingle && { batched: compareSingle.batched, single: compareSingle.single },
    targets: list,
    details,
  });
  process.stdout.write(`bench: wrote ${file}\n`);
  if (main.invariants && !main.invariants.ok) throw new Error('the database does not hold every order processed exactly once, VIP first (see "database after DONE" above)');
}

async function sweepMode(ctx: BenchContext, options: BenchOptions, server: ServerInfo, repoRoot: string, source: string): Promise<void> {
  const floor = options.floor ? await runFloor(ctx, floorConfig(options, options.orders)) : null;
  if (floor) process.stdout.write(`${describeFloor(floor, null)}\n`);
  const cells = options.sweepChunkSize.flatMap((chunkSize) =>
    options.sweepOrdersPerJob.flatMap((ordersPerJob) => options.sweepConcurrency.map((concurrency) => ({ chunkSize, ordersPerJob, concurrency }))),
  );
  const runsByCell: PipelineResult[][] = cells.map(() => []);
  for (let round = 1; round <= options.repeat; round++) {
    for (const [i, cell] of cells.entries()) {
      const label = `sweep ${round}/${options.repeat} ${i + 1}/${cells.length} K=${cell.ordersPerJob} C=${cell.concurrency} G=${cell.chunkSize}`;
      runsByCell[i].push(await runPipeline(ctx, configOf(options, cell), label));
    }
  }
  const runs = runsByCell.flat();
  const medians = runsByCell.map((cellRuns) => [...cellRuns].sort((a, b) => a.totalMs - b.totalMs)[Math.floor((cellRuns.length - 1) / 2)]);
  const spreads = runsByCell.map((cellRuns) => cellRuns.map((run) => (run.totalMs / 1000).toFixed(1)).join(' / '));
  const table = markdownTable(medians, floor?.floorMs ?? null, options.repeat > 1 ? spreads : undefined);
  process.stdout.write(`${table}\n`);
  const file = writeResult(repoRoot, `${today()}-${server.id}-sweep-${options.orders}${options.label ? `-${options.label}` : ''}`, {
    ...resultHeader('bench', source, server),
    orders: options.orders,
    floorMs: floor?.floorMs ?? null,
    floor,
    repeat: options.repeat,
    medians,
    table,
    runs,
  });
  process.stdout.write(`bench: wrote ${file}\n`);
}

function generationMode(options: BenchOptions, repoRoot: string, source: string): void {
  const sizes = [...new Set([options.chunkSize, ...options.sweepChunkSize])];
  const results = sizes.map((chunkSize) => {
    const result = timeGeneration(options.orders, chunkSize);
    const verdict = options.orders === 1_000_000 ? (result.generationMs < 2_000 ? ' (target < 2,000 ms: PASS)' : ' (target < 2,000 ms: FAIL)') : '';
    process.stdout.write(`generation: ${options.orders} orders in chunks of ${chunkSize}: median ${result.generationMs} ms of ${JSON.stringify(result.rounds)} (CPU ${result.cpuMs} ms of ${JSON.stringify(result.cpuRounds)}), ${result.generationRate}/s${verdict}\n`);
    return result;
  });
  const file = writeResult(repoRoot, `${today()}-generation-${options.orders}`, {
    ...resultHeader('bench', source, null),
    results,
  });
  process.stdout.write(`bench: wrote ${file}\n`);
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    if (process.argv.includes('--help')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}\n`);
    return 64; // EX_USAGE
  }
  const backendDir = findBackendDir(__dirname);
  const repoRoot = findRepoRoot(backendDir);
  if (options.mode !== 'generation-only') {
    services = await findOrStartServices(repoRoot);
    if (services) options = parseOptions(process.argv.slice(2), { ...process.env, MONGO_URI: services.mongoUri, REDIS_URL: services.redisUrl });
  }
  // The code measured, read at the start: HEAD may move while a long bench runs.
  const source = sourceVersion(repoRoot);
  if (options.mode === 'generation-only') {
    generationMode(options, repoRoot, source);
    return 0;
  }

  let mongo: MongoClient | null = null;
  let redis: Redis | null = null;
  try {
    mongo = await connectMongo(options.env.MONGO_URI);
    redis = await connectRedisOrThrow(options.env.REDIS_URL);
  } catch (error) {
    await mongo?.close();
    if (!(error instanceof ServiceUnreachable)) throw error;
    process.stderr.write(`bench: ${error.message}\nbench: start it or point ${error.message.startsWith('MongoDB') ? 'MONGO_URI' : 'REDIS_URL'} at one; nothing was run.\n`);
    return EXIT_UNREACHABLE;
  }
  const server = await describeServer(mongo);
  process.stderr.write(`bench: ${server.id} (MongoDB ${server.version}) at ${redact(options.env.MONGO_URI)}, Redis at ${redact(options.env.REDIS_URL)}\n`);
  if (options.build && options.mode !== 'floor-only') buildBackend(backendDir);
  const logDir = join(repoRoot, 'bench', 'tmp', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(logDir, { recursive: true });
  process.stderr.write(`bench: process logs in ${logDir}\n`);

  const ctx: BenchContext = {
    backendDir,
    logDir,
    mongoUri: options.env.MONGO_URI,
    redisUrl: options.env.REDIS_URL,
    mongo,
    redis,
    keyPrefix: options.keyPrefix,
    statusEveryMs: options.statusEveryMs,
    timeoutS: options.timeoutS,
    maxOrdersDefault: options.env.MAX_ORDERS,
    cpuProfDir: options.cpuProfDir && resolve(options.cpuProfDir),
    nodeArgs: options.nodeArgs,
    liveDatabases: new Set(),
    liveProcesses: new Set(),
  };
  const cleanUp = async () => {
    await Promise.all([...ctx.liveProcesses].map((backend) => backend.stop()));
    for (const name of ctx.liveDatabases) await mongo?.db(name).dropDatabase().catch(() => undefined);
    await deleteKeys(redis!, ctx.keyPrefix).catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}: stopping the processes and dropping the bench databases\n`);
      void cleanUp()
        .then(() => services?.stop())
        .finally(() => process.exit(130));
    });
  }
  try {
    if (options.mode === 'sweep') await sweepMode(ctx, options, server, repoRoot, source);
    else if (options.mode === 'floor-only') process.stdout.write(`${describeFloor(await runFloor(ctx, floorConfig(options, options.orders)), null)}\n`);
    else await pipelineMode(ctx, options, server, repoRoot, source);
    return 0;
  } finally {
    await cleanUp();
    await mongo.close();
    redis.disconnect();
  }
}

main().then(
  async (code) => {
    await services?.stop();
    process.exit(code);
  },
  async (error: Error) => {
    process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
    await services?.stop().catch(() => undefined);
    process.exit(1);
  },
);

