import type Redis from 'ioredis';
import type { Db } from 'mongodb';
import { performance } from 'node:perf_hooks';
import { sleep } from '@pedidos/processes';
import { BackendProcess, kernelStatsOf } from './backend-processes';
import { LoadResult, LoadSpec, runLoad } from './intake-load';
import { http, measure, mongoByName, redisBackgroundPerSecond, sumMongo } from './pipeline-run';
import { redisCommandStats, statsDelta } from './services';
import { median, per1000, ratePerSecond, round1 } from './stats';

const DRAIN_TIMEOUT_MS = 300_000;
const PROBE_BURST = 20;
const IDLE_WINDOW_MS = 5_000;

/** What the phases of one invocation share. */
export interface PhaseContext {
  api: string;
  redis: Redis;
  backends: BackendProcess[];
  db: Db;
  sampleEveryMs: number;
  /** Bull's job id counter of the events queue: jobs added in a phase, so events per job. */
  jobIdKey: string;
  /** The private redis-server, for its CPU; null on a shared Redis. */
  redisPid: number | null;
  /** MongoDB and Redis commands one GET /events/metrics costs, measured once at idle. */
  probeCost?: { mongo: number; redis: number };
  /** Redis commands per second with no traffic (Bull's timers, the consumers' heartbeats), measured once. */
  redisIdlePerSec?: number;
}

interface MetricsSample {
  atMs: number;
  accepted: number;
  stored: number;
  inQueue: number;
}

export interface MemorySummary {
  /** Median RSS over 10–25 % of the load, and over its last 15 %, and the growth between them. */
  earlyRssMb: number;
  lateRssMb: number;
  growth: number;
  earlyHeapUsedMb: number;
  lateHeapUsedMb: number;
}

export interface IntakePhase {
  name: string;
  load: LoadResult;
  /** Events the metrics counted as accepted, and as stored (or dead-lettered), in this phase. */
  metricsAccepted: number;
  storedEvents: number;
  deadLettered: number;
  /** From the first request until every accepted event was stored, and that rate. */
  storeMs: number;
  storedEventsPerSec: number;
  /** Stored while the load ran, per second (keeping up means ≈ the accepted rate). */
  storedPerSecDuringLoad: number;
  /** After the load stopped, until the last accepted event was stored. */
  drainAfterLoadMs: number;
  maxInQueue: number;
  /** Queue jobs added (one per intake group or batch request), and events per job. */
  jobs: number;
  eventsPerJob: number;
  mongoCommandsPer1000: number;
  redisCommandsPer1000: number;
  /** The same less what the idle system sends in as long (Redis commands that come with the events themselves). */
  redisCommandsPer1000BeyondIdle: number;
  cpuMsPer1000: number;
  redisServerCpuMsPer1000: number | null;
  peakRssMb: Record<string, number>;
  memory: Record<string, MemorySummary>;
  details: {
    mongoCommands: { total: number; byName: Record<string, number> };
    redisCommands: { total: number; byCommand: Record<string, number> };
    probes: { count: number; mongoPerProbe: number; redisPerProbe: number };
    redisIdlePerSec: number;
    cpuMs: Record<string, number>;
  };
  /** RSS and V8 heap of each process every sample (seconds since the load started). */
  memorySeries: Record<string, Array<[number, number, number]>>;
}

async function metrics(api: string): Promise<{ accepted: number; stored: number; inQueue: number; deadLettered: number; duplicates: number }> {
  return http(api, '/events/metrics');
}

/** Commands of one GET /events/metrics, from a burst at idle (what the bench's own sampling must not bill to the intake). */
async function probeCost(ctx: PhaseContext): Promise<{ mongo: number; redis: number }> {
  const counts = async () => ({ mongo: sumMongo(await Promise.all(ctx.backends.map((b) => b.metrics()))), redis: [...(await redisCommandStats(ctx.redis)).values()].reduce((a, b) => a + b, 0) });
  const start = await counts();
  for (let i = 0; i < PROBE_BURST; i++) await metrics(ctx.api);
  const end = await counts();
  // The IPC reads of `counts` cost no commands; INFO is left out of the stats.
  return { mongo: Math.max(0, (end.mongo - start.mongo) / PROBE_BURST), redis: Math.max(0, (end.redis - start.redis) / PROBE_BURST) };
}

/**
 * One load against the running intake: autocannon for the spec's duration while the bench samples
 * the metrics and the processes' memory, then waits until every accepted event is stored, and
 * reports rates, latency and what the events cost (commands, CPU, memory).
 */
export async function runIntakePhase(ctx: PhaseContext, name: string, spec: LoadSpec): Promise<IntakePhase> {
  ctx.probeCost ??= await probeCost(ctx);
  // What the idle system sends by the second (Bull's timers, the consumers' heartbeats), not by the event.
  ctx.redisIdlePerSec ??= await redisBackgroundPerSecond(ctx.redis, IDLE_WINDOW_MS);
  const base = await metrics(ctx.api);
  const jobsBefore = Number((await ctx.redis.get(ctx.jobIdKey)) ?? 0);
  const before = await measure(ctx.redis, ctx.backends, true);
  const redisCpuBefore = ctx.redisPid ? kernelStatsOf(ctx.redisPid)?.cpuMs ?? null : null;
  const samples: MetricsSample[] = [];
  const memorySeries: Record<string, Array<[number, number, number]>> = Object.fromEntries(ctx.backends.map((b) => [b.name, []]));
  let probes = 0;
  let loading = true;
  const started = performance.now();
  const sample = async () => {
    const at = performance.now() - started;
    const now = await metrics(ctx.api);
    probes++;
    samples.push({ atMs: at, accepted: now.accepted - base.accepted, stored: now.stored + now.deadLettered - base.stored - base.deadLettered, inQueue: now.inQueue });
    const snapshots = await Promise.all(ctx.backends.map((b) => b.metrics().catch(() => null)));
    snapshots.forEach((snapshot, i) => snapshot && memorySeries[ctx.backends[i].name].push([round1(at / 1000), snapshot.memoryMb.rss, snapshot.memoryMb.heapUsed]));
    return now;
  };
  const sampler = (async () => {
    while (loading) {
      await sample().catch(() => undefined);
      await sleep(ctx.sampleEveryMs);
    }
  })();
  const load = await runLoad(spec);
  const loadEnded = performance.now();
  loading = false;
  await sampler;
  const atLoadEnd = samples.at(-1)?.stored ?? 0;
  let drained: number | null = null;
  let final = base;
  while (performance.now() - loadEnded < DRAIN_TIMEOUT_MS) {
    // A poll that times out while the API is still swamped by the load's last requests is just tried again.
    const now = await sample().catch(() => null);
    if (now === null) continue;
    final = now;
    const done = final.stored + final.deadLettered - base.stored - base.deadLettered;
    if (final.inQueue === 0 && done >= Math.max(load.acceptedEvents, final.accepted - base.accepted)) {
      drained = performance.now();
      break;
    }
    await sleep(Math.min(ctx.sampleEveryMs, 100));
  }
  if (drained === null) throw new Error(`${name}: ${load.acceptedEvents} events accepted, not all stored ${DRAIN_TIMEOUT_MS / 1000} s after the load (last metrics ${JSON.stringify(final)})`);
  const after = await measure(ctx.redis, ctx.backends, false);
  const jobs = Number((await ctx.redis.get(ctx.jobIdKey)) ?? 0) - jobsBefore;
  const redisCpuAfter = ctx.redisPid ? kernelStatsOf(ctx.redisPid)?.cpuMs ?? null : null;

  const storedEvents = final.stored - base.stored;
  const cost = ctx.probeCost;
  const mongo = sumMongo(after.metrics) - sumMongo(before.metrics);
  const redis = statsDelta(before.redisStats, after.redisStats);
  const cpuMs: Record<string, number> = {};
  const peakRssMb: Record<string, number> = {};
  ctx.backends.forEach((backend, i) => {
    cpuMs[backend.name] = Math.round((after.kernel[i]?.cpuMs ?? 0) - (before.kernel[i]?.cpuMs ?? 0));
    peakRssMb[backend.name] = round1(after.kernel[i]?.peakRssMb ?? after.metrics[i].memoryMb.peakRss);
  });
  // Per 1,000 events the system accepted in the phase: autocannon does not count the answers still in flight when it stops.
  const events = Math.max(load.acceptedEvents, final.accepted - base.accepted);
  const storeMs = Math.round(drained - started);
  return {
    name,
    load,
    metricsAccepted: final.accepted - base.accepted,
    storedEvents,
    deadLettered: final.deadLettered - base.deadLettered,
    storeMs,
    storedEventsPerSec: ratePerSecond(storedEvents, storeMs),
    storedPerSecDuringLoad: ratePerSecond(atLoadEnd, loadEnded - started),
    drainAfterLoadMs: Math.round(drained - loadEnded),
    maxInQueue: Math.max(0, ...samples.map((s) => s.inQueue)),
    jobs,
    eventsPerJob: jobs > 0 ? round1(events / jobs) : 0,
    mongoCommandsPer1000: per1000(Math.max(0, mongo - probes * cost.mongo), events),
    redisCommandsPer1000: per1000(Math.max(0, redis.total - probes * cost.redis), events),
    redisCommandsPer1000BeyondIdle: per1000(Math.max(0, redis.total - probes * cost.redis - ((drained - started) / 1000) * (ctx.redisIdlePerSec ?? 0)), events),
    cpuMsPer1000: per1000(Object.values(cpuMs).reduce((a, b) => a + b, 0), events),
    redisServerCpuMsPer1000: redisCpuBefore !== null && redisCpuAfter !== null ? per1000(redisCpuAfter - redisCpuBefore, events) : null,
    peakRssMb,
    memory: Object.fromEntries(Object.entries(memorySeries).map(([process, series]) => [process, summarize(series, load.durationS)])),
    details: {
      mongoCommands: { total: mongo, byName: mongoByName(before.metrics, after.metrics) },
      redisCommands: redis,
      probes: { count: probes, mongoPerProbe: cost.mongo, redisPerProbe: cost.redis },
      redisIdlePerSec: ctx.redisIdlePerSec ?? 0,
      cpuMs,
    },
    memorySeries,
  };
}

function summarize(series: Array<[number, number, number]>, durationS: number): MemorySummary {
  const within = (from: number, to: number) => series.filter(([at]) => at >= from * durationS && at <= to * durationS);
  const early = within(0.1, 0.25);
  const late = within(0.85, 1);
  const rss = (rows: typeof series) => median(rows.map((row) => row[1]));
  const heap = (rows: typeof series) => median(rows.map((row) => row[2]));
  const earlyRss = rss(early);
  return {
    earlyRssMb: earlyRss,
    lateRssMb: rss(late),
    growth: earlyRss > 0 ? Math.round((rss(late) / earlyRss - 1) * 1000) / 1000 : 0,
    earlyHeapUsedMb: heap(early),
    lateHeapUsedMb: heap(late),
  };
}
