import { RedisClient } from './redis-client';
import { randomUUID } from 'node:crypto';
import { withScripts } from './redis-run-slot';

const HOLD_MS = 10_000;
const WAIT_MS = 30_000;
const RETRY_MS = 10;

/**
 * Mutual exclusion across processes for short critical sections. The key expires after HOLD_MS, so
 * a holder that dies blocks the others for seconds, not forever.
 */
export class RedisMutex {
  constructor(private readonly redis: RedisClient) {}

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const token = randomUUID();
    const deadline = Date.now() + WAIT_MS;
    while ((await this.redis.set(key, token, 'PX', HOLD_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new Error(`${key} still locked after ${WAIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    try {
      return await work();
    } finally {
      await withScripts(this.redis)
        .deleteIfOwned(key, token)
        .catch(() => undefined);
    }
  }
}
