import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { FingerprintSecret } from '../../domain/ports/audit-log.port';
import { RedisClient } from '../redis/redis-client';
import { RedisKeys } from '../redis/redis-keys';

/**
 * The deployment's fingerprint secret: made by the first API process that needs it (SET NX, so two processes
 * agree) and kept in Redis under KEY_PREFIX. Not in the database, so a copy of the audit log does not carry it.
 * A new Redis makes a new secret: fingerprints written before it then no longer match the same key's.
 */
@Injectable()
export class RedisFingerprintSecret extends FingerprintSecret {
  constructor(
    @Inject(Redis) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    super();
  }

  async get(): Promise<string> {
    const key = this.keys.auditFingerprintSecret;
    await this.redis.set(key, randomBytes(32).toString('hex'), 'NX');
    const secret = await this.redis.get(key);
    if (!secret) throw new Error(`${key} is empty`);
    return secret;
  }
}
