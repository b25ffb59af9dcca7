import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { EvaluatorLease } from '../../domain/alerts/ports/evaluator-lease.port';
import { RedisClient } from '../redis/redis-client';
import { RedisKeys } from '../redis/redis-keys';
import { withScripts } from '../redis/redis-run-slot';

const CLAIM = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
return 0
`;

type LeaseClient = RedisClient & { claimLease(key: string, owner: string, ttlMs: number): Promise<number> };

/** The evaluator's lease: a Redis key with an expiry, taken or renewed by one script (one command per check). */
@Injectable()
export class RedisEvaluatorLease extends EvaluatorLease {
  private readonly owner = randomUUID();
  private readonly redis: LeaseClient;

  constructor(
    @Inject(Redis) redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    super();
    if (!('claimLease' in redis)) redis.defineCommand('claimLease', { numberOfKeys: 1, lua: CLAIM });
    this.redis = redis as LeaseClient;
  }

  async claim(ttlMs: number): Promise<boolean> {
    return (await this.redis.claimLease(this.keys.alerts('evaluator'), this.owner, ttlMs)) === 1;
  }

  async release(): Promise<void> {
    await withScripts(this.redis).deleteIfOwned(this.keys.alerts('evaluator'), this.owner);
  }
}
