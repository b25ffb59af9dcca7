import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { FloorResult } from './floor';
import type { PipelineResult } from './pipeline-run';
import { formatInt } from './progress';
import { round2 } from './stats';

export interface Target {
  name: string;
  target: string;
  value: number | null;
  pass: boolean | null;
}

export function machine() {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** The commit measured, with `+dirty` when the working tree had uncommitted changes. */
export function sourceVersion(repoRoot: string): string {
  const git = (args: string[]) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
  const head = git(['rev-parse', '--short', 'HEAD']).stdout?.trim() || 'unknown';
  const dirty = git(['status', '--porcelain', '--untracked-files=no', '--', 'nest-backend/src']).stdout?.trim();
  return dirty ? `${head}+dirty` : head;
}

export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Writes `bench/results/<name>.json` at the repository root and returns its path. */
export function writeResult(repoRoot: string, name: string, body: unknown): string {
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

export function targets(run: PipelineResult, floorRatio: number | null, memoryGrowth: number | null): Target[] {
  const check = (name: string, target: string, value: number | null, ok: (v: number) => boolean): Target => ({
    name,
    target,
    value,
    pass: value === null ? null : ok(value),
  });
  const growth = check('peak RSS growth N/10 → N', '≤ 10%', memoryGrowth, (v) => v <= 0.1);
  if (!run.autoProcess) {
    return [check(`API peak RSS storing ${formatInt(run.orders)} orders (MB)`, '< 300 at 1,000,000', run.peakRssMb.api ?? null, (v) => v < 300), growth];
  }
  return [
    check('MongoDB commands per 1,000 orders', '≤ 5', run.mongoCommandsPer1000, (v) => v <= 5),
    check('Redis commands per 1,000 orders', '≤ 30', run.redisCommandsPer1000, (v) => v <= 30),
    check('pipeline / floor', '≤ 1.3', floorRatio, (v) => v <= 1.3),
    check('GET /pedidos p99 (ms)', '< 20', run.statusLatencyP99Ms, (v) => v < 20),
    check('event-loop delay p99 (ms)', '< 50', run.eventLoopDelayP99Ms, (v) => v < 50),
    growth,
  ];
}

const top = (counts: Record<string, number>, n: number) => Object.fromEntries(Object.entries(counts).slice(0, n));
const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${formatInt(value)} ms`);
const rate = (value: number) => `${formatInt(value)}/s`;

function describeInvariants(i: NonNullable<PipelineResult['invariants']>): string {
  const verdict = i.ok ? 'OK' : 'FAILED';
  return `${verdict}: ${formatInt(i.orders)} orders, ${formatInt(i.processed)} processed, ${i.attemptsNotOne} with attempts ≠ 1, seqs 0..n-1 per priority ${i.vip.seqsFromZero && i.normal.seqsFromZero ? 'yes' : 'NO'}; VIP window ends ${i.vipEnd}: ${i.vipAfterVipEnd} VIP orders after it, ${i.normalUpToVipEnd} NORMAL orders at or before it`;
}

export function describePipeline(run: PipelineResult): string {
  const rss = Object.entries(run.peakRssMb).map(([name, mb]) => `${name} ${mb} MB`).join(', ');
  const loop = Object.entries(run.details.eventLoopDelayMs).map(([name, d]) => `${name} p99 ${d.p99} ms (max ${d.max})`).join(', ');
  const noisy = run.details.redisBackgroundPerSecond * (run.totalMs / 1000) > 0.05 * run.details.redisCommands.total;
  const window = (w: PipelineResult['vip']) => `${formatInt(w.count)} orders, starts at ${ms(w.startMs)}, lasts ${ms(w.timeMs)}, ${rate(w.rate)}`;
  return [
    `pipeline: ${formatInt(run.orders)} orders, ORDERS_PER_JOB=${run.ordersPerJob}, ORDERS_QUEUE_CONCURRENCY=${run.concurrency}, GENERATION_CHUNK_SIZE=${run.chunkSize}, extra workers ${run.workers}`,
    `  generation            ${ms(run.generationMs)} (${rate(run.generationRate)})`,
    `  enqueue VIP / NORMAL  ${ms(run.enqueueVipMs)} / ${ms(run.enqueueNormalMs)}`,
    `  VIP window            ${window(run.vip)}`,
    `  NORMAL window         ${window(run.normal)}`,
    `  total (wall)          ${ms(run.totalMs)} (the API's totalTimeMs: ${ms(run.apiTotalTimeMs)}), failed ${run.failed}`,
    `  MongoDB commands/1k   ${run.mongoCommandsPer1000} (with the bench's ${run.details.statusProbes.count} status polls: ${run.mongoCommandsPer1000WithProbes}) ${JSON.stringify(run.details.mongoCommands.byName)}`,
    `  Redis commands/1k     ${run.redisCommandsPer1000} (with polls: ${run.redisCommandsPer1000WithProbes}; others' background ${run.details.redisBackgroundPerSecond}/s) ${JSON.stringify(top(run.details.redisCommands.byCommand, 10))}`,
    `  CPU ms/1k orders      ${run.cpuMsPer1000} ${JSON.stringify(run.details.cpuMs)}`,
    `  peak RSS              ${rss}`,
    `  event-loop delay      ${loop}`,
    `  GET /pedidos          p50 ${run.statusLatencyP50Ms} ms, p99 ${run.statusLatencyP99Ms} ms, max ${run.details.statusLatencyMaxMs} ms`,
    `                        GET /health (no I/O) p50 ${run.details.livenessLatencyMs.p50} ms, p99 ${run.details.livenessLatencyMs.p99} ms; findOne of the latest run from the driver p50 ${run.details.latestRunFindMs.p50} ms, p99 ${run.details.latestRunFindMs.p99} ms`,
    `                        by phase ${Object.entries(run.details.statusLatencyByPhaseMs).map(([phase, l]) => `${phase} p99 ${l.p99} ms (${l.polls})`).join(', ')}`,
    `  memory peaks (polls)  ${Object.entries(run.details.memoryPeaksMb).map(([name, m]) => `${name} RSS ${m.rss} MB in ${m.rssPhase}, heap ${m.heapUsed}/${m.heapTotal} MB, external ${m.external} MB`).join('; ')}`,
    ...(run.invariants ? [`  database after DONE    ${describeInvariants(run.invariants)}`] : []),
    ...(noisy ? [`  WARNING: other clients sent ${run.details.redisBackgroundPerSecond} Redis commands/s before the run; INFO commandstats is server-wide, so the Redis figure includes them. Use a Redis of your own.`] : []),
  ].join('\n');
}

export function describeFloor(floor: FloorResult, pipelineMs: number | null): string {
  const ratio = pipelineMs ? ` → pipeline / floor = ${round2(pipelineMs / floor.floorMs)}` : '';
  return [
    `floor (driver only): ${formatInt(floor.orders)} orders in ${ms(floor.floorMs)}${ratio}`,
    `  insert ${ms(floor.insertMs)} (${rate(floor.insertRate)}, batches of ${formatInt(floor.insertBatch)}, 2 in flight)`,
    `  updateMany VIP ${ms(floor.updateVipMs)}, NORMAL ${ms(floor.updateNormalMs)} (${rate(floor.updateRate)}; one per job of ${formatInt(floor.updateBatch)}, ${floor.parallel} in flight); ${floor.mongoCommands} commands (${floor.mongoCommandsPer1000}/1k)`,
  ].join('\n');
}

export function describeTargets(list: Target[]): string {
  return list
    .map((t) => `  ${t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(36)} ${t.target.padEnd(6)} measured ${t.value ?? '–'}`)
    .join('\n');
}

/** One Markdown row per run, for the sweep and the batching comparison. */
/** `spreads`, when given, adds a column with the wall seconds of every repeat of the row's cell. */
export function markdownTable(runs: PipelineResult[], floorMs: number | null, spreads?: string[]): string {
  const header =
    '| orders | per job | concurrency | chunk | wall s | gen/s | VIP/s | NORMAL/s | ratio to floor | Mongo cmd/1k | Redis cmd/1k | CPU ms/1k | loop p99 ms | GET p99 ms | API RSS MB |';
  const rule = `|${'---|'.repeat(spreads ? 16 : 15)}`;
  const rows = runs.map((r, i) =>
    [
      formatInt(r.orders),
      formatInt(r.ordersPerJob),
      r.concurrency,
      formatInt(r.chunkSize),
      (r.totalMs / 1000).toFixed(1),
      formatInt(r.generationRate),
      formatInt(r.vip.rate),
      formatInt(r.normal.rate),
      floorMs ? round2(r.totalMs / floorMs) : '–',
      r.mongoCommandsPer1000,
      r.redisCommandsPer1000,
      r.cpuMsPer1000,
      r.eventLoopDelayP99Ms,
      r.statusLatencyP99Ms,
      r.peakRssMb.api,
      ...(spreads ? [spreads[i]] : []),
    ].join(' | '),
  );
  return [spreads ? `${header} wall s of each run |` : header, rule, ...rows.map((row) => `| ${row} |`)].join('\n');
}
