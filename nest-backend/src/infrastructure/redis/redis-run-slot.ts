import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DriverLease, RunSlot } from '../../domain/ports/run-slot.port';
import { RedisClient } from './redis-client';
import { RedisKeys } from './redis-keys';

const CLAIM = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then return '' end
return redis.call('GET', KEYS[1])
`;
const DELETE_IF_OWNED = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
const RENEW_IF_OWNED = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

type SlotClient = RedisClient & {
  claimSlot(key: string, value: string): Promise<string>;
  deleteIfOwned(key: string, value: string): Promise<number>;
  renewIfOwned(key: string, value: string, ttlMs: number): Promise<number>;
};

/** The client with the ownership scripts (claim, delete and renew only while holding) defined once. */
export function withScripts(redis: RedisClient): SlotClient {
  if (!('claimSlot' in redis)) {
    redis.defineCommand('claimSlot', { numberOfKeys: 1, lua: CLAIM });
    redis.defineCommand('deleteIfOwned', { numberOfKeys: 1, lua: DELETE_IF_OWNED });
    redis.defineCommand('renewIfOwned', { numberOfKeys: 1, lua: RENEW_IF_OWNED });
  }
  return redis as SlotClient;
}

/** The active-run slot: a Redis key set only if absent, so two simultaneous generates make exactly one run. */
@Injectable()
export class RedisRunSlot extends RunSlot {
  private readonly redis: SlotClient;

  constructor(
    @Inject(Redis) redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    super();
    this.redis = withScripts(redis);
  }

  async claim(runId: string): Promise<string | null> {
    const holder = await this.redis.claimSlot(this.keys.activeRun, runId);
    return holder === '' ? null : holder;
  }

  holder(): Promise<string | null> {
    return this.redis.get(this.keys.activeRun);
  }

  async release(runId: string): Promise<void> {
    await this.redis.deleteIfOwned(this.keys.activeRun, runId);
  }

  async clear(): Promise<void> {
    await this.redis.del(this.keys.activeRun);
  }
}

/** A lease with an expiry: the process that holds it drives the run; if it dies, the lease lapses. */
@Injectable()
export class RedisDriverLease extends DriverLease {
  private readonly redis: SlotClient;
  private readonly owner = randomUUID();

  constructor(
    @Inject(Redis) redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    super();
    this.redis = withScripts(redis);
  }

  async acquire(runId: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.keys.driver(runId), this.owner, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async renew(runId: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.renewIfOwned(this.keys.driver(runId), this.owner, ttlMs)) === 1;
  }

  async release(runId: string): Promise<void> {
    await this.redis.deleteIfOwned(this.keys.driver(runId), this.owner);
  }

  async isHeld(runId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.driver(runId))) === 1;
  }
}
