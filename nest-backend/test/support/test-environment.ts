import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { MongoClient } from 'mongodb';
import { Environment, validateEnvironment } from '../../src/infrastructure/config/environment';

/**
 * An environment of its own for one test file: its own database (whose name must say "test") and its
 * own Redis key prefix, on the services that scripts/test.sh found or started.
 */
export function testEnvironment(suite: string, overrides: Record<string, string> = {}): Environment {
  const mongoUri = process.env.MONGO_URI;
  const redisUrl = process.env.REDIS_URL;
  if (!mongoUri || !redisUrl) {
    throw new Error('MONGO_URI and REDIS_URL must point at running services: run the tests with `npx pnpm@10 test` (scripts/test.sh)');
  }
  const tag = `${suite}_${randomBytes(3).toString('hex')}`;
  const url = new URL(mongoUri);
  const baseName = url.pathname.replace(/^\//, '') || 'pedidos_test';
  url.pathname = `/${baseName}_${tag}`.slice(0, 60);
  const databaseName = url.pathname.slice(1);
  if (!/test/i.test(databaseName)) throw new Error(`refusing to run tests on database "${databaseName}": its name must contain "test"`);
  return validateEnvironment({
    MONGO_URI: url.toString(),
    REDIS_URL: redisUrl,
    KEY_PREFIX: `test-${tag}`.slice(0, 40),
    PORT: '0',
    LOG_LEVEL: 'warn',
    LOG_PROGRESS_EVERY_MS: '1000',
    GENERATION_CHUNK_SIZE: '5000',
    ORDERS_PER_JOB: '1000',
    RETRY_BACKOFF_MS: '200',
    // Suites send bursts of control requests; the limiter has its own test (access.e2e-spec.ts).
    RATE_LIMIT_PER_MINUTE: '0',
    // Worker processes of tests serve no metrics unless a test asks (their fixed default port would collide).
    METRICS_PORT: '0',
    ...overrides,
  });
}

export function databaseNameOf(env: Environment): string {
  return new URL(env.MONGO_URI).pathname.slice(1);
}

/** Drops the test database and every Redis key under the test's prefix. */
export async function dropTestData(env: Environment): Promise<void> {
  const mongo = await MongoClient.connect(env.MONGO_URI);
  try {
    await mongo.db(databaseNameOf(env)).dropDatabase();
  } finally {
    await mongo.close();
  }
  const redis = new Redis(env.REDIS_URL);
  try {
    for (const pattern of [`${env.KEY_PREFIX}:*`, `${env.KEY_PREFIX}-bull:*`]) {
      const stream = redis.scanStream({ match: pattern, count: 1000 });
      for await (const keys of stream as AsyncIterable<string[]>) if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
