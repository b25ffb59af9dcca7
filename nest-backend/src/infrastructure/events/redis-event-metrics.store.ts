import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { BATCH_SAMPLE_SIZE, RECENT_BATCHES, TIMELINE_SECONDS } from '../../domain/events/event-metrics';
import { EVENT_TYPES, EventType } from '../../domain/events/interaction-event';
import { BatchRecord, CurrentBatch, EventMetricsState, EventMetricsStore } from '../../domain/events/ports/event-metrics-store.port';
import { hashFields } from '../redis/hash-fields';
import { RedisClient } from '../redis/redis-client';
import { RedisKeys } from '../redis/redis-keys';

/** How long a metrics call is remembered as done: longer than any outage after which ioredis would resend it. */
const ONCE_MS = 3_600_000;

// Drops the per-second fields that fell out of the window. `trimmed` remembers how far it got, so a busy second
// deletes one second's fields; after a long idle time the hash (at most TIMELINE_SECONDS × 8 fields) is swept once.
const TRIM_TIMELINE = `
local function trim(key, second)
  local keep = second - ${TIMELINE_SECONDS}
  local trimmed = tonumber(redis.call('HGET', key, 'trimmed') or '0')
  if trimmed >= keep then return end
  if keep - trimmed > ${TIMELINE_SECONDS} then
    local fields = redis.call('HKEYS', key)
    for _, field in ipairs(fields) do
      local s = tonumber(string.match(field, '^(%d+):'))
      if s and s <= keep then redis.call('HDEL', key, field) end
    end
  else
    for s = trimmed + 1, keep do
      redis.call('HDEL', key, s .. ':a', ${EVENT_TYPES.map((type) => `s .. ':s:${type}'`).join(', ')})
    end
  end
  redis.call('HSET', key, 'trimmed', keep)
end
-- ioredis sends a command again after a reconnect when its reply was lost, and Redis may have run it before it
-- went down (with an append-only file it survives the restart): each call carries a key of its own, and a call
-- whose key is already there has been counted. The key outlives any reconnect (ONCE_MS).
local function first_time(key)
  return redis.call('SET', key, 1, 'NX', 'PX', ${ONCE_MS})
end
local function raise(key, field, value)
  local current = tonumber(redis.call('HGET', key, field) or '0')
  if value > current then redis.call('HSET', key, field, value) end
end
`;

// KEYS: counters, timeline, once. ARGV: count, at (ms), second.
const RECORD_ACCEPTED = `${TRIM_TIMELINE}
if not first_time(KEYS[3]) then return 0 end
local at = tonumber(ARGV[2])
redis.call('HINCRBY', KEYS[1], 'accepted', ARGV[1])
redis.call('HSETNX', KEYS[1], 'since', at)
raise(KEYS[1], 'lastAcceptedAt', at)
redis.call('HINCRBY', KEYS[2], ARGV[3] .. ':a', ARGV[1])
trim(KEYS[2], tonumber(ARGV[3]))
return 1
`;

// KEYS: counters, timeline, sample, recent, once. ARGV: stored, duplicates, at (ms), second, sample entry, recent entry, then type/count pairs.
const RECORD_BATCH = `${TRIM_TIMELINE}
if not first_time(KEYS[5]) then return 0 end
redis.call('HINCRBY', KEYS[1], 'stored', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'duplicates', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'batchesStored', 1)
raise(KEYS[1], 'lastStoredAt', tonumber(ARGV[3]))
for i = 7, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], 'type:' .. ARGV[i], ARGV[i + 1])
  redis.call('HINCRBY', KEYS[2], ARGV[4] .. ':s:' .. ARGV[i], ARGV[i + 1])
end
redis.call('LPUSH', KEYS[3], ARGV[5])
redis.call('LTRIM', KEYS[3], 0, ${BATCH_SAMPLE_SIZE - 1})
redis.call('LPUSH', KEYS[4], ARGV[6])
redis.call('LTRIM', KEYS[4], 0, ${RECENT_BATCHES - 1})
trim(KEYS[2], tonumber(ARGV[4]))
return 1
`;

type MetricsClient = RedisClient & {
  eventsRecordAccepted(counters: string, timeline: string, once: string, count: number, at: number, second: number): Promise<number>;
  eventsRecordBatch(counters: string, timeline: string, sample: string, recent: string, once: string, ...args: (string | number)[]): Promise<number>;
};

/** Event metrics in Redis, one script call per accepted group and per stored batch. */
@Injectable()
export class RedisEventMetricsStore extends EventMetricsStore {
  private readonly redis: MetricsClient;

  constructor(
    @Inject(Redis) redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    super();
    redis.defineCommand('eventsRecordAccepted', { numberOfKeys: 3, lua: RECORD_ACCEPTED });
    redis.defineCommand('eventsRecordBatch', { numberOfKeys: 5, lua: RECORD_BATCH });
    this.redis = redis as MetricsClient;
  }

  async recordAccepted(count: number, at: number): Promise<void> {
    await this.redis.eventsRecordAccepted(
      this.keys.eventMetrics('counters'),
      this.keys.eventMetrics('timeline'),
      this.keys.eventMetricsCall(randomUUID()),
      count,
      at,
      Math.floor(at / 1000),
    );
  }

  async recordBatch(batch: BatchRecord, types: Partial<Record<EventType, number>>): Promise<void> {
    const recent = JSON.stringify({ batchId: batch.batchId, size: batch.size, durationMs: batch.durationMs, storedAt: batch.storedAt, types });
    const pairs = Object.entries(batch.storedByType).flatMap(([type, count]) => (count ? [type, count] : []));
    await this.redis.eventsRecordBatch(
      this.keys.eventMetrics('counters'),
      this.keys.eventMetrics('timeline'),
      this.keys.eventMetrics('sample'),
      this.keys.eventMetrics('recent'),
      this.keys.eventMetricsCall(batch.batchId),
      batch.stored,
      batch.duplicates,
      batch.storedAt,
      Math.floor(batch.storedAt / 1000),
      `${batch.size}:${batch.durationMs}`,
      recent,
      ...pairs,
    );
  }

  async recordDeadLettered(delta: number): Promise<void> {
    if (delta !== 0) await this.redis.hincrby(this.keys.eventMetrics('counters'), 'deadLettered', delta);
  }

  async publishCurrent(consumerId: string, current: CurrentBatch, at: number): Promise<void> {
    await this.redis.hset(this.keys.eventMetrics('current'), consumerId, `${current.size}:${current.oldestAt ?? ''}:${at}`);
  }

  async read(): Promise<EventMetricsState> {
    const results = await this.redis
      .pipeline()
      .hgetall(this.keys.eventMetrics('counters'))
      .hgetall(this.keys.eventMetrics('timeline'))
      .lrange(this.keys.eventMetrics('sample'), 0, -1)
      .lrange(this.keys.eventMetrics('recent'), 0, RECENT_BATCHES - 1)
      .hgetall(this.keys.eventMetrics('current'))
      .exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('event metrics read failed');
    const [counters, timeline, sample, recent, current] = results.map(([, value]) => value) as [
      Record<string, string>,
      Record<string, string>,
      string[],
      string[],
      Record<string, string>,
    ];
    const { count, time } = hashFields(counters);
    return {
      accepted: count('accepted'),
      stored: count('stored'),
      duplicates: count('duplicates'),
      deadLettered: count('deadLettered'),
      batchesStored: count('batchesStored'),
      storedByType: Object.fromEntries(EVENT_TYPES.map((type) => [type, count(`type:${type}`)])),
      since: time('since'),
      lastAcceptedAt: time('lastAcceptedAt'),
      lastStoredAt: time('lastStoredAt'),
      sample: sample.map((entry) => {
        const [size, durationMs] = entry.split(':').map(Number);
        return { size, durationMs };
      }),
      recent: recent.map((entry) => JSON.parse(entry)),
      timeline,
      current: Object.fromEntries(
        Object.entries(current).map(([consumer, entry]) => {
          const [size, oldestAt, updatedAt] = entry.split(':');
          return [consumer, { size: Number(size), oldestAt: oldestAt ? Number(oldestAt) : null, updatedAt: Number(updatedAt) }];
        }),
      ),
    };
  }

  async reset(): Promise<void> {
    const parts = ['counters', 'timeline', 'sample', 'recent', 'current'] as const;
    await this.redis.del(...parts.map((part) => this.keys.eventMetrics(part)));
  }
}
