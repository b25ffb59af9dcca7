import Redis, { Cluster, RedisOptions } from 'ioredis';
import { RedisAddress } from './redis-address';

/** A connection to one Redis server (directly or through Sentinel) or to a Redis Cluster: the adapters use only what both offer. */
export type RedisClient = Redis | Cluster;

// Commands wait for a reconnect instead of failing at once, so a Redis restart is a pause, not an error.
const WAIT_FOR_RECONNECT: RedisOptions = { maxRetriesPerRequest: null };

/**
 * Connects to the Redis that `address` names. `readyCheck: false` is for Bull's blocking and subscriber
 * connections, which Bull refuses with one; on a cluster the node connections never do one (the cluster client has its own).
 */
export function connectRedis(address: RedisAddress, { readyCheck = true } = {}): RedisClient {
  if (address.kind === 'server') return new Redis(address.url, { ...WAIT_FOR_RECONNECT, enableReadyCheck: readyCheck });
  const credentials: RedisOptions = { username: address.username, password: address.password, tls: address.tls ? {} : undefined };
  if (address.kind === 'sentinel') {
    return new Redis({ ...WAIT_FOR_RECONNECT, ...credentials, enableReadyCheck: readyCheck, sentinels: address.sentinels, name: address.masterName });
  }
  return new Cluster(address.nodes, { redisOptions: { ...WAIT_FOR_RECONNECT, ...credentials, enableReadyCheck: false } });
}

/** Every key matching `pattern`, in batches, on one server or on every master of a cluster. */
export async function* scanKeys(redis: RedisClient, pattern: string): AsyncIterable<string[]> {
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const node of nodes) {
    for await (const batch of node.scanStream({ match: pattern, count: 500 }) as AsyncIterable<string[]>) {
      if (batch.length > 0) yield batch;
    }
  }
}
