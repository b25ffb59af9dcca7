import Queue from 'bull';
import type Redis from 'ioredis';
import { performance } from 'node:perf_hooks';
import { makeEvent } from '../test/support/event-traffic';
import { deleteKeys, redisCommandStats, statsDelta } from './services';
import { round1, round2 } from './stats';

export interface BullJobFloorSpec {
  redisUrl: string;
  /** Used for INFO commandstats before and after (server-wide: run it on the bench's own Redis). */
  redis: Redis;
  keyPrefix: string;
  jobs: number;
  eventsPerJob: number;
  concurrency: number;
}

export interface BullJobFloorResult {
  jobs: number;
  eventsPerJob: number;
  concurrency: number;
  ms: number;
  /** Commands Redis ran (Lua scripts' commands included, as the intake's figure counts them) per job added, taken and completed. */
  redisCommandsPerJob: number;
  byCommand: Record<string, number>;
}

/**
 * The queue floor of the event bench: a bare Bull queue with the project's job options (attempts, backoff,
 * removeOnComplete) on the bench's Redis, `jobs` jobs added one by one as the intake adds its groups, each taken
 * by a consumer that does nothing and completed. What Bull itself costs in Redis commands per job, so the
 * fewest Redis commands per 1,000 events an intake on Bull can send at a given number of events per job.
 */
export async function runBullJobFloor(spec: BullJobFloorSpec): Promise<BullJobFloorResult> {
  const prefix = `${spec.keyPrefix}-floor`;
  const queue = new Queue('events-floor', spec.redisUrl, {
    prefix: `${prefix}-bull`,
    defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: true, removeOnFail: false },
  });
  try {
    await queue.isReady();
    const data = { events: Array.from({ length: spec.eventsPerJob }, (_, i) => makeEvent('floor', i)) };
    let completed = 0;
    const allDone = new Promise<void>((resolve) => {
      queue.on('completed', () => {
        if (++completed === spec.jobs) resolve();
      });
    });
    void queue.process(spec.concurrency, async () => undefined);
    const before = await redisCommandStats(spec.redis);
    const started = performance.now();
    for (let i = 0; i < spec.jobs; i++) await queue.add(data);
    await allDone;
    const ms = performance.now() - started;
    const delta = statsDelta(before, await redisCommandStats(spec.redis));
    return { jobs: spec.jobs, eventsPerJob: spec.eventsPerJob, concurrency: spec.concurrency, ms: round1(ms), redisCommandsPerJob: round2(delta.total / spec.jobs), byCommand: delta.byCommand };
  } finally {
    await queue.close();
    await deleteKeys(spec.redis, prefix).catch(() => undefined);
  }
}

/** The fewest Redis commands per 1,000 events with `eventsPerJob` events per job, from Bull's cost per job alone. */
export function bullRedisPer1000(floor: BullJobFloorResult, eventsPerJob: number): number {
  return round2((floor.redisCommandsPerJob * 1000) / Math.max(1, eventsPerJob));
}
