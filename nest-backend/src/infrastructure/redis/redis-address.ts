/** One Redis node of a cluster's seed list. */
export interface RedisNode {
  host: string;
  port: number;
}

/**
 * Where Redis is, read from `REDIS_URL`: one server (`redis://` or `rediss://`, handed to ioredis as is), or a
 * Redis Cluster (`redis+cluster://[user:password@]host1:port1,host2:port2`, `rediss+cluster://` for TLS), given
 * by any of its nodes; the client learns the others from the cluster itself.
 */
export type RedisAddress =
  | { cluster: false; url: string }
  | { cluster: true; nodes: RedisNode[]; tls: boolean; username?: string; password?: string };

const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(?:([^:@/\s]*)(?::([^@/\s]*))?@)?([^/?#@\s]+)\/?$/;
const NODE = /^([^\s:/,]+):(\d{1,5})$/;

/** True when the URL names a cluster (the scheme ends in `+cluster`). */
export function isClusterUrl(url: string): boolean {
  return /^rediss?\+cluster:\/\//.test(url);
}

/** Parses `REDIS_URL`; throws with a message naming what is wrong (config validation reports it at boot). */
export function parseRedisAddress(url: string): RedisAddress {
  if (!isClusterUrl(url)) return { cluster: false, url };
  const match = CLUSTER_URL.exec(url);
  if (!match) throw new Error('a cluster URL reads redis+cluster://[user:password@]host:port[,host:port...]');
  const [, scheme, username, password, hostList] = match;
  const nodes = hostList.split(',').map((entry) => {
    const node = NODE.exec(entry);
    const port = node ? Number(node[2]) : 0;
    if (!node || port < 1 || port > 65535) throw new Error(`cluster node "${entry}" is not host:port`);
    return { host: node[1], port };
  });
  const decoded = (value: string | undefined) => (value ? decodeURIComponent(value) : undefined);
  return { cluster: true, nodes, tls: scheme === 'rediss', username: decoded(username), password: decoded(password) };
}
