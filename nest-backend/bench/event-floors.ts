import { cpus } from 'node:os';
import { BullJobFloorResult, bullRedisPer1000 } from './bull-job-floor';
import { EventsBenchOptions } from './events-options';
import { IntakePhase } from './intake-phase';
import { formatInt } from './progress';
import { FloorLoad, ServerFloor } from './server-floor';
import { round1 } from './stats';
import { StorageFloorResult } from './storage-floor';

/** The single-event rate and Redis budget the issue sets, against which the floors are read. */
const SINGLE_TARGET_PER_SEC = 3_000;
const REDIS_TARGET_PER_1000 = 50;

/** What any intake could do at most here, measured in the same invocation as the intake itself. */
export interface EventFloors {
  /** A bare node:http server. */
  http: ServerFloor;
  /** The project's stack with nothing in it: NestJS on Express and one controller. */
  framework: ServerFloor;
  /** A bare Bull queue: its own Redis commands per job. */
  queue: BullJobFloorResult;
  /** The bare driver inserting the events in the best batches. */
  storage: StorageFloorResult;
}

/**
 * What the floors say of the targets: the CPU that the load generator and the bare framework alone need at the
 * target rate, against what the machine's cores have; and the events per job Bull's cost per job asks for to stay
 * under the Redis budget, with the wait that grouping so many single events takes at the target rate.
 */
export function floorBudget(floors: EventFloors) {
  const cores = cpus().length;
  const cpuMsPerSecAtTarget = round1(((floors.framework.single.serverCpuMsPer1000 + floors.framework.single.loadCpuMsPer1000) * SINGLE_TARGET_PER_SEC) / 1000);
  const eventsPerJobForRedisTarget = Math.ceil((floors.queue.redisCommandsPerJob * 1000) / REDIS_TARGET_PER_1000);
  return {
    cores,
    cpuMsPerSecAvailable: cores * 1000,
    cpuMsPerSecAtTarget,
    eventsPerJobForRedisTarget,
    groupWaitMsAtTarget: Math.round((eventsPerJobForRedisTarget * 1000) / SINGLE_TARGET_PER_SEC),
  };
}

export function describeFloors(floors: EventFloors, single: IntakePhase, options: EventsBenchOptions): string {
  const budget = floorBudget(floors);
  const { queue, storage } = floors;
  return [
    `HTTP floor (bare node:http): ${describeServerFloor(floors.http, options)}`,
    `framework floor (bare NestJS on Express, one controller): ${describeServerFloor(floors.framework, options)}`,
    `queue floor (bare Bull, no-op consumer, ${queue.concurrency} at once): ${formatInt(queue.jobs)} jobs of ${queue.eventsPerJob} events in ${formatInt(queue.ms)} ms, ${queue.redisCommandsPerJob} Redis commands per job ${JSON.stringify(Object.fromEntries(Object.entries(queue.byCommand).slice(0, 6)))}: at the intake's ${single.eventsPerJob} events per job Bull alone sends ${bullRedisPer1000(queue, single.eventsPerJob)} per 1,000 events`,
    `storage floor (bare driver, insertMany unordered, 2 in flight): ${storage.runs.map((run) => `${run.batchSize}/batch ${run.ms} ms (${run.eventsPerSec}/s)`).join(', ')}; best ${storage.best.batchSize}`,
    `budget: at ${formatInt(SINGLE_TARGET_PER_SEC)} single events/s the load generator and the bare framework alone use ${formatInt(budget.cpuMsPerSecAtTarget)} ms of CPU per second (of ${formatInt(budget.cpuMsPerSecAvailable)} on ${budget.cores} cores), before any validation, queue or storage; ≤ ${REDIS_TARGET_PER_1000} Redis commands per 1,000 events takes ≥ ${formatInt(budget.eventsPerJobForRedisTarget)} events per Bull job, which single events arriving at ${formatInt(SINGLE_TARGET_PER_SEC)}/s fill in ${formatInt(budget.groupWaitMsAtTarget)} ms of waiting`,
  ].join('\n');
}

function describeServerFloor(floor: ServerFloor, options: EventsBenchOptions): string {
  const load = (run: FloorLoad) => `${formatInt(run.acceptedEventsPerSec)} events/s p50 ${run.latencyMs.p50} ms p99 ${run.latencyMs.p99} ms, CPU ${run.serverCpuMsPer1000} ms/1k (load generator ${run.loadCpuMsPer1000} ms/1k)`;
  return [
    `single ${load(floor.single)} (${options.connections} connections, unpaced)`,
    ...(floor.singlePaced ? [`at ${formatInt(options.singleRate)}/s offered: p50 ${floor.singlePaced.latencyMs.p50} ms p99 ${floor.singlePaced.latencyMs.p99} ms`] : []),
    `batches of ${options.batchSize}: ${load(floor.batch)}`,
  ].join('; ');
}
