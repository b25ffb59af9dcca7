import type { IntakePhase } from './intake-phase';
import { formatInt } from './progress';
import { Target } from './report';
import type { StorageFloorResult } from './storage-floor';
import { round2 } from './stats';

export { describeTargets } from './report';

const check = (name: string, target: string, value: number | null, ok: (v: number) => boolean): Target => ({ name, target, value, pass: value === null ? null : ok(value) });

/** The issue's targets for the event intake, each with the figure measured. */
export function eventTargets(single: IntakePhase, batch: IntakePhase, floor: StorageFloorResult | null): Target[] {
  const worst = (phase: IntakePhase, key: 'mongoCommandsPer1000' | 'redisCommandsPer1000') => phase[key];
  const memoryGrowth = Math.max(...Object.values(single.memory).map((m) => m.growth));
  return [
    check(`single events accepted/s (${single.load.durationS} s)`, '≥ 3000', single.load.acceptedEventsPerSec, (v) => v >= 3_000),
    check('single events p99 (ms)', '< 100', single.load.latencyMs.p99, (v) => v < 100),
    check('single: stored/s while loading ÷ accepted/s', '≥ 0.95', round2(single.storedPerSecDuringLoad / Math.max(1, single.load.acceptedEventsPerSec)), (v) => v >= 0.95),
    check('batch events accepted/s', '≥ 20000', batch.load.acceptedEventsPerSec, (v) => v >= 20_000),
    check('batch: pipeline store time ÷ storage floor', '≤ 1.3', floor ? round2(batch.storeMs / floor.best.ms) : null, (v) => v <= 1.3),
    check('MongoDB commands / 1,000 events (single)', '≤ 5', worst(single, 'mongoCommandsPer1000'), (v) => v <= 5),
    check('MongoDB commands / 1,000 events (batch)', '≤ 5', worst(batch, 'mongoCommandsPer1000'), (v) => v <= 5),
    check('Redis commands / 1,000 events (single)', '≤ 50', worst(single, 'redisCommandsPer1000'), (v) => v <= 50),
    check('Redis commands / 1,000 events (batch)', '≤ 50', worst(batch, 'redisCommandsPer1000'), (v) => v <= 50),
    check(`RSS growth over the single run (${single.load.durationS} s)`, '≤ 10%', memoryGrowth, (v) => v <= 0.1),
  ];
}

export function describeEventsRun(phase: IntakePhase): string {
  const { load } = phase;
  const codes = Object.entries(load.statusCodes).map(([code, n]) => `${code}×${formatInt(n)}`).join(' ');
  const memory = Object.entries(phase.memory).map(([name, m]) => `${name} ${m.earlyRssMb}→${m.lateRssMb} MB (heap ${m.earlyHeapUsedMb}→${m.lateHeapUsedMb})`).join(', ');
  return [
    `${phase.name}: ${load.kind === 'batch' ? 'POST /events/batch' : 'POST /events'}, ${load.connections} connections, ${load.offeredRate ? `${formatInt(load.offeredRate)} req/s offered` : 'unpaced'}, ${load.durationS} s`,
    `  accepted            ${formatInt(load.acceptedEvents)} events, ${formatInt(load.acceptedEventsPerSec)}/s (answers ${codes}; errors ${load.errors}, timeouts ${load.timeouts}); metrics.accepted +${formatInt(phase.metricsAccepted)}`,
    `  latency             p50 ${load.latencyMs.p50} ms, p90 ${load.latencyMs.p90} ms, p99 ${load.latencyMs.p99} ms, max ${load.latencyMs.max} ms`,
    `  stored              ${formatInt(phase.storedEvents)} (+${phase.deadLettered} dead letters) in ${formatInt(phase.storeMs)} ms: ${formatInt(phase.storedEventsPerSec)}/s; while loading ${formatInt(phase.storedPerSecDuringLoad)}/s; last stored ${formatInt(phase.drainAfterLoadMs)} ms after the load; queue peak ${formatInt(phase.maxInQueue)}; ${formatInt(phase.jobs)} queue jobs (${phase.eventsPerJob} events each)`,
    `  MongoDB cmd / 1k    ${phase.mongoCommandsPer1000} ${JSON.stringify(phase.details.mongoCommands.byName)}`,
    `  Redis cmd / 1k      ${phase.redisCommandsPer1000} (${phase.redisCommandsPer1000BeyondIdle} beyond the idle ${phase.details.redisIdlePerSec}/s) ${JSON.stringify(Object.fromEntries(Object.entries(phase.details.redisCommands.byCommand).slice(0, 8)))} (bench's ${phase.details.probes.count} metrics polls subtracted: ${round2(phase.details.probes.redisPerProbe)} Redis, ${round2(phase.details.probes.mongoPerProbe)} MongoDB each)`,
    `  CPU ms / 1k         ${phase.cpuMsPer1000} ${JSON.stringify(phase.details.cpuMs)}; redis-server ${phase.redisServerCpuMsPer1000 ?? '–'}`,
    `  peak RSS            ${Object.entries(phase.peakRssMb).map(([name, mb]) => `${name} ${mb} MB`).join(', ')}`,
    `  RSS early→late      ${memory}`,
  ].join('\n');
}
