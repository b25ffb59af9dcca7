import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { Priority } from '../../domain/order';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { LiveCounters, priorityKey } from '../../domain/run';
import { hashFields } from './hash-fields';
import { RedisKeys } from './redis-keys';

// One round trip per finished slice: add the count, widen the processing window.
const RECORD_PROCESSED = `
redis.call('HINCRBY', KEYS[1], ARGV[1] .. 'Processed', ARGV[2])
local start = redis.call('HGET', KEYS[1], ARGV[1] .. 'Start')
if (not start) or tonumber(ARGV[3]) < tonumber(start) then redis.call('HSET', KEYS[1], ARGV[1] .. 'Start', ARGV[3]) end
local finish = redis.call('HGET', KEYS[1], ARGV[1] .. 'End')
if (not finish) or tonumber(ARGV[4]) > tonumber(finish) then redis.call('HSET', KEYS[1], ARGV[1] .. 'End', ARGV[4]) end
return 1
`;

type CountersClient = Redis & { recordProcessed(key: string, lane: string, processed: number, startedAt: number, finishedAt: number): Promise<number> };

@Injectable()
export class RedisRunCounters extends RunCounters {
  private readonly redis: CountersClient;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    super();
    redis.defineCommand('recordProcessed', { numberOfKeys: 1, lua: RECORD_PROCESSED });
    this.redis = redis as CountersClient;
  }

  async recordProcessed(runId: string, priority: Priority, processed: number, startedAt: number, finishedAt: number): Promise<void> {
    await this.redis.recordProcessed(this.keys.counters(runId), priorityKey(priority), processed, startedAt, finishedAt);
  }

  async recordFailed(runId: string, failed: number): Promise<void> {
    await this.redis.hincrby(this.keys.counters(runId), 'failed', failed);
  }

  async read(runId: string): Promise<LiveCounters | null> {
    const hash = await this.redis.hgetall(this.keys.counters(runId));
    if (Object.keys(hash).length === 0) return null;
    const { count, time } = hashFields(hash);
    return {
      vipProcessed: count('vipProcessed'),
      normalProcessed: count('normalProcessed'),
      failed: count('failed'),
      vipStart: time('vipStart'),
      vipEnd: time('vipEnd'),
      normalStart: time('normalStart'),
      normalEnd: time('normalEnd'),
    };
  }

  async overwriteCounts(runId: string, counts: Pick<LiveCounters, 'vipProcessed' | 'normalProcessed' | 'failed'>): Promise<void> {
    await this.redis.hset(this.keys.counters(runId), counts);
  }

  async delete(runId: string): Promise<void> {
    await this.redis.del(this.keys.counters(runId));
  }

  async deleteAll(): Promise<void> {
    const stream = this.redis.scanStream({ match: this.keys.countersPattern, count: 500 });
    for await (const batch of stream as AsyncIterable<string[]>) {
      if (batch.length > 0) await this.redis.del(...batch);
    }
  }
}
