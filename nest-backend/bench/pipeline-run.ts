import { RunInvariants, checkInvariants } from './invariants';
import type { StatusSnapshot } from '@pedidos/contract';
import type Redis from 'ioredis';
import type { MongoClient } from 'mongodb';
import { performance } from 'node:perf_hooks';
import type { ProcessMetricsSnapshot } from '../src/infrastructure/metrics/process-metrics';
import { freePort, sleep } from '@pedidos/processes';
import { BackendProcess, spawnBackend, waitUntilUp } from './backend-processes';
import { ProgressLine, formatInt } from './progress';
import { deleteKeys, redisCommandStats, statsDelta, withDatabase } from './services';
import { per1000, percentile, ratePerSecond, round1, round2 } from './stats';

const BACKGROUND_WINDOW_MS = 2_000;
const PROBE_BURST = 50;
const WARM_UP_POLLS = 20;
const HTTP_TIMEOUT_MS = 10_000;

export interface PipelineConfig {
  orders: number;
  ordersPerJob: number;
  concurrency: number;
  chunkSize: number;
  workers: number;
  /** false: generate and store only (`autoProcess=false`); the run ends when every order is stored. */
  autoProcess: boolean;
}

/** What every run of an invocation shares. */
export interface BenchContext {
  backendDir: string;
  logDir: string;
  mongoUri: string;
  redisUrl: string;
  mongo: MongoClient;
  redis: Redis;
  keyPrefix: string;
  statusEveryMs: number;
  timeoutS: number;
  maxOrdersDefault: number;
  cpuProfDir: string | null;
  nodeArgs: string[];
  /** Databases created and not yet dropped, for cleanup on an interrupt. */
  liveDatabases: Set<string>;
  liveProcesses: Set<BackendProcess>;
}

export interface MemoryPeaks {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  rssPhase: string;
}

interface Window {
  count: number;
  startMs: number | null;
  timeMs: number | null;
  rate: number;
}

export interface PipelineResult extends PipelineConfig {
  database: string;
  generationMs: number | null;
  generationRate: number;
  enqueueVipMs: number | null;
  enqueueNormalMs: number | null;
  vip: Window;
  normal: Window;
  failed: number;
  /** Wall time from the bench's POST /pedidos/generate to the first GET /pedidos that answers DONE. */
  totalMs: number;
  /** `totalTimeMs` of GET /pedidos: the API stamps the run finished before its final recount, so this is shorter. */
  apiTotalTimeMs: number | null;
  mongoCommandsPer1000: number;
  mongoCommandsPer1000WithProbes: number;
  redisCommandsPer1000: number;
  redisCommandsPer1000WithProbes: number;
  cpuMsPer1000: number;
  peakRssMb: Record<string, number>;
  eventLoopDelayP99Ms: number;
  statusLatencyP50Ms: number;
  statusLatencyP99Ms: number;
  /** Checked from the database after DONE (null for a store-only run). */
  invariants: RunInvariants | null;
  details: {
    mongoCommands: { total: number; byName: Record<string, number> };
    redisCommands: { total: number; byCommand: Record<string, number> };
    statusProbes: { count: number; mongoPerProbe: number; redisPerProbe: number };
    redisBackgroundPerSecond: number;
    cpuMs: Record<string, number>;
    eventLoopDelayMs: Record<string, { p50: number; p99: number; max: number }>;
    /** RSS and V8 heap in use when the run ended (the peak is `peakRssMb`). */
    memoryAtEndMb: Record<string, { rss: number; heapUsed: number }>;
    statusLatencyMaxMs: number;
    /** findOne of the latest run straight from the driver, timed next to each GET /pedidos. */
    latestRunFindMs: { p50: number; p99: number };
    /** GET /health (liveness: no I/O) of the same API, timed next to each GET /pedidos: what any request waits on this machine. */
    livenessLatencyMs: { p50: number; p99: number };
    /** GET /pedidos latency by the phase it answered. */
    statusLatencyByPhaseMs: Record<string, { polls: number; p50: number; p99: number }>;
    /** Highest memory figures each process reported over IPC at the polls, and the phase of the highest RSS. */
    memoryPeaksMb: Record<string, MemoryPeaks>;
  };
}

/** Runs the pipeline once in fresh processes and a fresh database, and measures it. */
export async function runPipeline(ctx: BenchContext, config: PipelineConfig, label: string): Promise<PipelineResult> {
  const database = `pedidos_bench_${Date.now()}`;
  ctx.liveDatabases.add(database);
  await deleteKeys(ctx.redis, ctx.keyPrefix);
  const background = await redisBackgroundPerSecond(ctx.redis);
  const backends: BackendProcess[] = [];
  try {
    const api = await launchBackends(ctx, config, database, backends);
    const before = await measure(ctx.redis, backends, true);
    const postAt = Date.now();
    await http(api, `/pedidos/generate?quantity=${config.orders}&autoProcess=${config.autoProcess}`, 'POST');
    const sampled = await followRun(ctx, api, backends, config, label, postAt, database);
    const after = await measure(ctx.redis, backends, false);
    const final = sampled.final;
    const invariants = config.autoProcess && final.lastRunId
      ? await checkInvariants(ctx.mongo.db(database), final.lastRunId, config.orders, final.processing.vip.end)
      : null;
    return assembleResult({ config, database, postAt, sampled, invariants, background, backends, before, after });
  } finally {
    await Promise.all(backends.map((backend) => backend.stop()));
    backends.forEach((backend) => ctx.liveProcesses.delete(backend));
    await ctx.mongo.db(database).dropDatabase().catch(() => undefined);
    ctx.liveDatabases.delete(database);
    await deleteKeys(ctx.redis, ctx.keyPrefix).catch(() => undefined);
  }
}

/** Starts the API (and the extra workers) on the run's database with the config's settings; returns the API's URL once it is ready and settled. */
async function launchBackends(ctx: BenchContext, config: PipelineConfig, database: string, backends: BackendProcess[]): Promise<string> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MONGO_URI: withDatabase(ctx.mongoUri, database),
    REDIS_URL: ctx.redisUrl,
    PORT: String(port),
    KEY_PREFIX: ctx.keyPrefix,
    ORDERS_PER_JOB: String(config.ordersPerJob),
    ORDERS_QUEUE_CONCURRENCY: String(config.concurrency),
    GENERATION_CHUNK_SIZE: String(config.chunkSize),
    MAX_ORDERS: String(Math.max(config.orders, ctx.maxOrdersDefault)),
    MONGO_MONITOR_COMMANDS: 'true',
    RUN_WORKERS_IN_API: 'true',
    // The floor writes with the pipeline's own index alone; what the search indexes add is measured by search-index-cost.cjs.
    ORDER_SEARCH_INDEXES: process.env.ORDER_SEARCH_INDEXES ?? 'false',
  };
  const nodeArgs = [...ctx.nodeArgs, ...(ctx.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${ctx.cpuProfDir}`] : [])];
  const spec = { backendDir: ctx.backendDir, logDir: ctx.logDir, env, nodeArgs };
  backends.push(spawnBackend('api', 'main.js', spec));
  for (let i = 1; i <= config.workers; i++) backends.push(spawnBackend(`worker-${i}`, 'worker.js', spec));
  backends.forEach((backend) => ctx.liveProcesses.add(backend));
  await Promise.all(backends.map(waitUntilUp));
  const api = `http://127.0.0.1:${port}`;
  await waitForReady(api);
  await settle(backends, api);
  return api;
}

type Measured = Awaited<ReturnType<typeof measure>>;

/** CPU, peak RSS, event-loop delay and memory at the end of each process, between two measures. */
function processFigures(backends: BackendProcess[], before: Measured, after: Measured) {
  const cpuMs: Record<string, number> = {};
  const peakRssMb: Record<string, number> = {};
  const eventLoopDelayMs: Record<string, { p50: number; p99: number; max: number }> = {};
  const memoryAtEndMb: Record<string, { rss: number; heapUsed: number }> = {};
  backends.forEach((backend, i) => {
    const cpuBefore = before.kernel[i]?.cpuMs ?? cpuOf(before.metrics[i]);
    const cpuAfter = after.kernel[i]?.cpuMs ?? cpuOf(after.metrics[i]);
    cpuMs[backend.name] = Math.round(cpuAfter - cpuBefore);
    peakRssMb[backend.name] = round1(after.kernel[i]?.peakRssMb ?? after.metrics[i].memoryMb.peakRss);
    const { p50, p99, max } = after.metrics[i].eventLoopDelayMs;
    eventLoopDelayMs[backend.name] = { p50, p99, max };
    memoryAtEndMb[backend.name] = { rss: after.metrics[i].memoryMb.rss, heapUsed: after.metrics[i].memoryMb.heapUsed };
  });
  return { cpuMs, peakRssMb, eventLoopDelayMs, memoryAtEndMb };
}

interface RunMeasurements {
  config: PipelineConfig;
  database: string;
  postAt: number;
  sampled: Followed;
  invariants: RunInvariants | null;
  background: number;
  backends: BackendProcess[];
  before: Measured;
  after: Measured;
}

/** The result of one run: the API's own figures for it, and what the bench measured around it. */
function assembleResult({ config, database, postAt, sampled, invariants, background, backends, before, after }: RunMeasurements): PipelineResult {
  const final = sampled.final;
  const mongo = sumMongo(after.metrics) - sumMongo(before.metrics);
  const redis = statsDelta(before.redisStats, after.redisStats);
  const probes = sampled.probes;
  const mongoPipeline = Math.max(0, mongo - probes * sampled.probeCost.mongo);
  const redisPipeline = Math.max(0, redis.total - probes * sampled.probeCost.redis);
  const { cpuMs, peakRssMb, eventLoopDelayMs, memoryAtEndMb } = processFigures(backends, before, after);
  const totalCpu = Object.values(cpuMs).reduce((sum, ms) => sum + ms, 0);
  const window = (view: StatusSnapshot['processing']['vip']): Window => ({
    count: view.count,
    startMs: view.start ? Date.parse(view.start) - postAt : null,
    timeMs: view.timeMs,
    rate: ratePerSecond(view.count, view.timeMs),
  });
  const latency = (values: number[]) => ({ p50: round2(percentile(values, 50)), p99: round2(percentile(values, 99)) });
  return {
    ...config,
    database,
    generationMs: final.generationTimeMs,
    generationRate: ratePerSecond(final.progress.generated, final.generationTimeMs),
    enqueueVipMs: final.enqueueVipTimeMs,
    enqueueNormalMs: final.enqueueNormalTimeMs,
    vip: window(final.processing.vip),
    normal: window(final.processing.normal),
    failed: final.counts.failed,
    totalMs: sampled.doneAt - postAt,
    apiTotalTimeMs: final.totalTimeMs,
    mongoCommandsPer1000: per1000(mongoPipeline, config.orders),
    mongoCommandsPer1000WithProbes: per1000(mongo, config.orders),
    redisCommandsPer1000: per1000(redisPipeline, config.orders),
    redisCommandsPer1000WithProbes: per1000(redis.total, config.orders),
    cpuMsPer1000: per1000(totalCpu, config.orders),
    peakRssMb,
    eventLoopDelayP99Ms: Math.max(...Object.values(eventLoopDelayMs).map((delay) => delay.p99)),
    statusLatencyP50Ms: round2(percentile(sampled.latencies, 50)),
    statusLatencyP99Ms: round2(percentile(sampled.latencies, 99)),
    invariants,
    details: {
      mongoCommands: { total: mongo, byName: mongoByName(before.metrics, after.metrics) },
      redisCommands: redis,
      statusProbes: { count: probes, mongoPerProbe: sampled.probeCost.mongo, redisPerProbe: sampled.probeCost.redis },
      redisBackgroundPerSecond: background,
      cpuMs,
      eventLoopDelayMs,
      memoryAtEndMb,
      statusLatencyMaxMs: round2(percentile(sampled.latencies, 100)),
      latestRunFindMs: latency(sampled.dbLatencies),
      livenessLatencyMs: latency(sampled.livenessLatencies),
      statusLatencyByPhaseMs: byPhase(sampled.latencies, sampled.phases),
      memoryPeaksMb: Object.fromEntries(backends.map((backend, i) => [backend.name, sampled.memoryPeaks[i]])),
    },
  };
}

interface Followed {
  final: StatusSnapshot;
  latencies: number[];
  /** The phase each poll of `latencies` answered. */
  phases: string[];
  memoryPeaks: MemoryPeaks[];
  /** The same findOne of the latest run, sent by the bench's own client next to each poll. */
  dbLatencies: number[];
  livenessLatencies: number[];
  /** Every GET /pedidos the bench sent during the run, the cost-measuring burst included. */
  probes: number;
  doneAt: number;
  probeCost: { mongo: number; redis: number };
}

/** Polls GET /pedidos until DONE, or until stored for a run without processing (timing every answer), draws progress, and measures what one poll costs. */
async function followRun(
  ctx: BenchContext,
  api: string,
  backends: BackendProcess[],
  config: PipelineConfig,
  label: string,
  postAt: number,
  database: string,
): Promise<Followed> {
  const latencies: number[] = [];
  const dbLatencies: number[] = [];
  const livenessLatencies: number[] = [];
  const phases: string[] = [];
  const memoryPeaks: MemoryPeaks[] = backends.map(() => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, rssPhase: '' }));
  const runs = ctx.mongo.db(database).collection('process_runs');
  const progress = new ProgressLine(label);
  const deadline = postAt + ctx.timeoutS * 1000;
  let probeCost: { mongo: number; redis: number } | null = null;
  for (let poll = 0; Date.now() < deadline; poll++) {
    const started = performance.now();
    const status = await http<StatusSnapshot>(api, '/pedidos');
    latencies.push(performance.now() - started);
    // The read the endpoint makes, straight from the driver: tells the server's share of the latency.
    const dbStarted = performance.now();
    await runs.findOne({}, { sort: { createdAt: -1 } });
    dbLatencies.push(performance.now() - dbStarted);
    const livenessStarted = performance.now();
    await http(api, '/health');
    livenessLatencies.push(performance.now() - livenessStarted);
    phases.push(status.phase);
    await trackMemoryPeaks(backends, memoryPeaks, status.phase);
    const processed = status.progress.processedTotal + status.counts.failed;
    const elapsed = ((Date.now() - postAt) / 1000).toFixed(1);
    progress.update(
      (status.progress.generated + processed) / ((config.autoProcess ? 2 : 1) * config.orders),
      `${status.phase.padEnd(20)} generated ${formatInt(status.progress.generated)}  vip ${formatInt(status.counts.vip)}  normal ${formatInt(status.counts.normal)}  ${elapsed} s`,
    );
    if (status.phase === 'DONE' || (!config.autoProcess && status.awaitingProcess)) {
      const doneAt = Date.now();
      progress.done(`DONE in ${elapsed} s`);
      // A run too short to measure a poll: one find of the latest run, as measured on the idle API.
      const probes = latencies.length + (probeCost ? PROBE_BURST : 0);
      return { final: status, latencies, phases, memoryPeaks, dbLatencies, livenessLatencies, probes, doneAt, probeCost: probeCost ?? { mongo: 1, redis: 0 } };
    }
    if (status.phase === 'ERROR' || status.phase === 'ABORTED') {
      progress.done(status.phase);
      throw new Error(`the run ended ${status.phase}; see ${backends[0].logFile}`);
    }
    // Once, while the run is active: the bench's own polls must not be billed to the pipeline.
    if (probeCost === null && poll >= 2) probeCost = await measureProbeCost(ctx.redis, backends, api);
    await sleep(ctx.statusEveryMs);
  }
  progress.done('timed out');
  throw new Error(`the run did not finish within ${ctx.timeoutS} s (--timeout-s); see ${backends[0].logFile}`);
}

async function trackMemoryPeaks(backends: BackendProcess[], peaks: MemoryPeaks[], phase: string): Promise<void> {
  const snapshots = await Promise.all(backends.map((backend) => backend.metrics().catch(() => null)));
  snapshots.forEach((snapshot, i) => {
    if (!snapshot) return;
    const { rss, heapTotal, heapUsed, external } = snapshot.memoryMb;
    const peak = peaks[i];
    if (rss > peak.rss) Object.assign(peak, { rss, rssPhase: phase });
    peak.heapTotal = Math.max(peak.heapTotal, heapTotal);
    peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
    peak.external = Math.max(peak.external, external);
  });
}

function byPhase(latencies: number[], phases: string[]): Record<string, { polls: number; p50: number; p99: number }> {
  const grouped = new Map<string, number[]>();
  latencies.forEach((ms, i) => {
    const samples = grouped.get(phases[i]) ?? [];
    samples.push(ms);
    grouped.set(phases[i], samples);
  });
  return Object.fromEntries(
    [...grouped].map(([phase, samples]) => [phase, { polls: samples.length, p50: round2(percentile(samples, 50)), p99: round2(percentile(samples, 99)) }]),
  );
}

/**
 * MongoDB and Redis commands of one GET /pedidos: a burst of polls, less the background the
 * pipeline made in an equally long window right after.
 */
async function measureProbeCost(redis: Redis, backends: BackendProcess[], api: string): Promise<{ mongo: number; redis: number }> {
  const counts = async () => ({ mongo: sumMongo(await Promise.all(backends.map((b) => b.metrics()))), redis: total(await redisCommandStats(redis)) });
  const start = await counts();
  const started = Date.now();
  for (let i = 0; i < PROBE_BURST; i++) await http(api, '/pedidos');
  const afterBurst = await counts();
  await sleep(Date.now() - started);
  const afterIdle = await counts();
  const cost = (key: 'mongo' | 'redis') => {
    const burst = afterBurst[key] - start[key];
    const idle = afterIdle[key] - afterBurst[key];
    return round2(Math.max(0, (burst - idle) / PROBE_BURST));
  };
  return { mongo: cost('mongo'), redis: cost('redis') };
}

export async function measure(redis: Redis, backends: BackendProcess[], restartLoopWindow: boolean) {
  const redisStats = await redisCommandStats(redis);
  const kernel = backends.map((backend) => backend.kernelStats());
  const metrics = await Promise.all(backends.map((backend) => backend.metrics(restartLoopWindow)));
  return { redisStats, kernel, metrics };
}

/** Commands per second that other clients of the same Redis server send (INFO commandstats is server-wide). */
export async function redisBackgroundPerSecond(redis: Redis, windowMs = BACKGROUND_WINDOW_MS): Promise<number> {
  const before = await redisCommandStats(redis);
  await sleep(windowMs);
  return round1((statsDelta(before, await redisCommandStats(redis)).total * 1000) / windowMs);
}

/**
 * Lets boot work end before measuring: Mongoose builds indexes in the background after boot, and the
 * first requests of a process are slow (lazy compilation). A service in steady state is what is measured.
 */
async function settle(backends: BackendProcess[], api: string): Promise<void> {
  await waitForIndexBuilds(backends);
  for (let i = 0; i < WARM_UP_POLLS; i++) await http(api, '/pedidos');
}

/** Waits until the processes' `createIndexes` count stops moving (Mongoose builds indexes in the background after boot). */
export async function waitForIndexBuilds(backends: BackendProcess[]): Promise<void> {
  const indexBuilds = async () => (await Promise.all(backends.map((b) => b.metrics()))).reduce((sum, m) => sum + (m.mongoCommands?.byName.createIndexes ?? 0), 0);
  let last = -1;
  for (let stable = 0, round = 0; stable < 3 && round < 60; round++) {
    const now = await indexBuilds();
    stable = now === last ? stable + 1 : 0;
    last = now;
    await sleep(300);
  }
}

export async function waitForReady(api: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      await http(api, '/health/ready');
      return;
    } catch {
      await sleep(500);
    }
  }
  throw new Error(`the API at ${api} never became ready (GET /health/ready)`);
}

export async function http<T = unknown>(base: string, path: string, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const response = await fetch(base + path, { method, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  const body = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

export function sumMongo(metrics: ProcessMetricsSnapshot[]): number {
  return metrics.reduce((sum, m) => sum + (m.mongoCommands?.total ?? 0), 0);
}

export function mongoByName(before: ProcessMetricsSnapshot[], after: ProcessMetricsSnapshot[]): Record<string, number> {
  const delta: Record<string, number> = {};
  after.forEach((metrics, i) => {
    for (const [name, count] of Object.entries(metrics.mongoCommands?.byName ?? {})) {
      delta[name] = (delta[name] ?? 0) + count - (before[i].mongoCommands?.byName[name] ?? 0);
    }
  });
  return Object.fromEntries(Object.entries(delta).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]));
}

function cpuOf(metrics: ProcessMetricsSnapshot): number {
  return metrics.cpuMs.user + metrics.cpuMs.system;
}

function total(stats: Map<string, number>): number {
  let sum = 0;
  for (const calls of stats.values()) sum += calls;
  return sum;
}
