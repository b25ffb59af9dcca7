import Redis, { Cluster, ClusterOptions, RedisOptions } from 'ioredis';
import { RedisAddress } from './redis-address';

/** A connection to one Redis server or to a Redis Cluster: the adapters use only what both offer. */
export type RedisClient = Redis | Cluster;

// Commands wait for a reconnect instead of failing at once, so a Redis restart is a pause, not an error.
const WAIT_FOR_RECONNECT: RedisOptions = { maxRetriesPerRequest: null };

export function connectRedis(address: RedisAddress, options: RedisOptions = {}): RedisClient {
  if (!address.cluster) return new Redis(address.url, { ...WAIT_FOR_RECONNECT, enableReadyCheck: true, ...options });
  return new Cluster(address.nodes, clusterOptions(address, options));
}

/**
 * Cluster options: every node gets the URL's credentials and TLS. Bull refuses ready checks on its blocking
 * and subscriber connections, so node connections skip them (the cluster client has its own ready check).
 */
function clusterOptions(address: Extract<RedisAddress, { cluster: true }>, options: RedisOptions): ClusterOptions {
  return {
    redisOptions: {
      ...WAIT_FOR_RECONNECT,
      enableReadyCheck: false,
      username: address.username,
      password: address.password,
      tls: address.tls ? {} : undefined,
      ...options,
    },
  };
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
