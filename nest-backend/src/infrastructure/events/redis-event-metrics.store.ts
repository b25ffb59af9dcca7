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

/** A list (batch sample, recent batches) is cut back to its size once it has grown to twice that. */
const TRIM_AT = 2;

// Each script reads every field it changes with one HMGET and writes them back with one HSET (a script runs on
// its own, so the read and the write cannot interleave with another writer): a stored batch costs a handful of
// commands whatever its number of types, where one HINCRBY per field cost about 25 (the ≤ 50 per 1,000 events).
const SHARED = `
local function read(key, names)
  local values = redis.call('HMGET', key, unpack(names))
  local byName = {}
  for i, name in ipairs(names) do byName[name] = tonumber(values[i]) end
  return byName
end
local function write(key, update)
  local args = {}
  for name, value in pairs(update) do
    table.insert(args, name)
    table.insert(args, string.format('%d', value))
  end
  if #args > 0 then redis.call('HSET', key, unpack(args)) end
end
-- Adds deltas[name] to each field of the per-second timeline, and drops the seconds that fell out of the window.
-- \`trimmed\` remembers how far it got, so a busy second deletes one second's fields; after a long idle time
-- the hash (at most TIMELINE_SECONDS × 8 fields) is swept once.
local function add_to_timeline(key, second, deltas)
  local names = {'trimmed'}
  for name in pairs(deltas) do table.insert(names, name) end
  local current = read(key, names)
  local update = {}
  for name, delta in pairs(deltas) do update[name] = (current[name] or 0) + delta end
  local keep = second - ${TIMELINE_SECONDS}
  local trimmed = current.trimmed or 0
  if trimmed < keep then
    if keep - trimmed > ${TIMELINE_SECONDS} then
      for _, field in ipairs(redis.call('HKEYS', key)) do
        local s = tonumber(string.match(field, '^(%d+):'))
        if s and s <= keep then redis.call('HDEL', key, field) end
      end
    else
      for s = trimmed + 1, keep do
        redis.call('HDEL', key, s .. ':a', ${EVENT_TYPES.map((type) => `s .. ':s:${type}'`).join(', ')})
      end
    end
    update.trimmed = keep
  end
  write(key, update)
end
local function push(key, entry, size)
  if redis.call('LPUSH', key, entry) >= size * ${TRIM_AT} then redis.call('LTRIM', key, 0, size - 1) end
end
-- ioredis sends a command again after a reconnect when its reply was lost, and Redis may have run it before it
-- went down (with an append-only file it survives the restart): each call carries a key of its own, and a call
-- whose key is already there has been counted. The key outlives any reconnect (ONCE_MS).
local function first_time(key)
  return redis.call('SET', key, 1, 'NX', 'PX', ${ONCE_MS})
end
`;

// KEYS: counters, timeline, once. ARGV: count, at (ms), second.
const RECORD_ACCEPTED = `${SHARED}
if not first_time(KEYS[3]) then return 0 end
local count, at = tonumber(ARGV[1]), tonumber(ARGV[2])
local current = read(KEYS[1], {'accepted', 'since', 'lastAcceptedAt'})
write(KEYS[1], { accepted = (current.accepted or 0) + count, since = current.since or at, lastAcceptedAt = math.max(current.lastAcceptedAt or 0, at) })
add_to_timeline(KEYS[2], tonumber(ARGV[3]), { [ARGV[3] .. ':a'] = count })
return 1
`;

// KEYS: counters, timeline, sample, recent, once. ARGV: stored, duplicates, at (ms), second, sample entry, recent entry, then type/count pairs.
const RECORD_BATCH = `${SHARED}
if not first_time(KEYS[5]) then return 0 end
local at = tonumber(ARGV[3])
local deltas = { stored = tonumber(ARGV[1]), duplicates = tonumber(ARGV[2]), batchesStored = 1 }
local seconds = {}
for i = 7, #ARGV, 2 do
  deltas['type:' .. ARGV[i]] = tonumber(ARGV[i + 1])
  seconds[ARGV[4] .. ':s:' .. ARGV[i]] = tonumber(ARGV[i + 1])
end
local names = {'lastStoredAt'}
for name in pairs(deltas) do table.insert(names, name) end
local current = read(KEYS[1], names)
local update = { lastStoredAt = math.max(current.lastStoredAt or 0, at) }
for name, delta in pairs(deltas) do
  if delta ~= 0 then update[name] = (current[name] or 0) + delta end
end
write(KEYS[1], update)
add_to_timeline(KEYS[2], tonumber(ARGV[4]), seconds)
push(KEYS[3], ARGV[5], ${BATCH_SAMPLE_SIZE})
push(KEYS[4], ARGV[6], ${RECENT_BATCHES})
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
      .lrange(this.keys.eventMetrics('sample'), 0, BATCH_SAMPLE_SIZE - 1)
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
