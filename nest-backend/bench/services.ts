import Redis from 'ioredis';
import { MongoClient } from 'mongodb';

/** The MongoDB-compatible server the bench talks to, as it describes itself. */
export interface ServerInfo {
  /** Short name for file names: `ferretdb-1.24.2`, `ferretdb` (version not reported) or `mongodb-7.0.14`. */
  id: string;
  kind: 'ferretdb' | 'mongodb';
  /** MongoDB version the server reports (FerretDB reports the one it emulates). */
  version: string;
  ferretdbVersion: string | null;
}

export class ServiceUnreachable extends Error {}

/** The URL without credentials, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/** The same URI pointing at database `name` (query string kept). */
export function withDatabase(mongoUri: string, name: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(mongoUri);
  if (!match) throw new Error(`MONGO_URI is not a mongodb:// URI: ${redact(mongoUri)}`);
  return `${match[1]}/${name}${match[2] ?? ''}`;
}

/** Connects to MongoDB and tells which server answers, or throws ServiceUnreachable naming the URI. */
export async function connectMongo(mongoUri: string, options: { monitorCommands?: boolean } = {}): Promise<MongoClient> {
  const client = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 3_000, connectTimeoutMS: 3_000, ...options });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return client;
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new ServiceUnreachable(`MongoDB is not reachable at ${redact(mongoUri)} (MONGO_URI): ${(error as Error).message}`);
  }
}

export async function describeServer(client: MongoClient): Promise<ServerInfo> {
  const info = await client.db('admin').command({ buildInfo: 1 });
  const version = String(info.version ?? 'unknown');
  if ('ferretdbVersion' in info) {
    const ferret = String(info.ferretdbVersion);
    const known = ferret && ferret !== 'unknown' ? ferret.replace(/^v/, '') : null;
    return { id: known ? `ferretdb-${known}` : 'ferretdb', kind: 'ferretdb', version, ferretdbVersion: known };
  }
  return { id: `mongodb-${version}`, kind: 'mongodb', version, ferretdbVersion: null };
}

/** A Redis client that fails fast instead of retrying: for the bench's own reads. */
export async function connectRedisOrThrow(redisUrl: string): Promise<Redis> {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let socketError: Error | null = null;
  redis.on('error', (error: Error) => (socketError = error));
  try {
    await redis.connect();
    const pong = await redis.ping();
    if (pong !== 'PONG') throw new Error(`unexpected answer to PING: ${pong}`);
    return redis;
  } catch (error) {
    redis.disconnect();
    // ioredis reports "Connection is closed" once it gives up; the socket's own error says why.
    const reason = (socketError ?? (error as Error)).message;
    throw new ServiceUnreachable(`Redis is not reachable at ${redact(redisUrl)} (REDIS_URL): ${reason}`);
  }
}

/**
 * Calls per command since the server started (`INFO commandstats`), server-wide and counting the
 * commands Lua scripts run. INFO itself is left out: only the bench sends it.
 */
export async function redisCommandStats(redis: Redis): Promise<Map<string, number>> {
  const text = await redis.info('commandstats');
  const stats = new Map<string, number>();
  for (const match of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (match[1] !== 'info') stats.set(match[1], Number(match[2]));
  }
  return stats;
}

export function statsDelta(before: Map<string, number>, after: Map<string, number>): { total: number; byCommand: Record<string, number> } {
  const byCommand: Record<string, number> = {};
  let total = 0;
  for (const [name, calls] of after) {
    const delta = calls - (before.get(name) ?? 0);
    if (delta > 0) {
      byCommand[name] = delta;
      total += delta;
    }
  }
  return { total, byCommand: Object.fromEntries(Object.entries(byCommand).sort((a, b) => b[1] - a[1])) };
}

/** Deletes the keys of a prefix (the pipeline's `<prefix>:…` and Bull's `<prefix>-bull:…`); returns how many. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  for (const pattern of [`${prefix}:*`, `${prefix}-bull:*`]) {
    let cursor = '0';
    for (let round = 0; round < 100_000; round++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1_000);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  }
  return deleted;
}
