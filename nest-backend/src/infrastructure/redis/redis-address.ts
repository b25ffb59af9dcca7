/** One Redis node (a cluster node or a Sentinel) of a seed list. */
export interface RedisNode {
  host: string;
  port: number;
}

interface Credentials {
  tls: boolean;
  username?: string;
  password?: string;
}

/**
 * Where Redis is, read from `REDIS_URL`:
 * - one server: `redis://` or `rediss://`, handed to ioredis as is;
 * - a Redis Cluster: `redis+cluster://[user:password@]host1:port1,host2:port2` (`rediss+cluster://` for TLS), any of
 *   its nodes; the client learns the others from the cluster;
 * - Redis Sentinel: `redis+sentinel://[user:password@]sentinel1:26379,sentinel2:26379/<master name>`; the client asks the
 *   Sentinels for the master and follows it after a failover. The credentials are the master's.
 */
export type RedisAddress =
  | { kind: 'server'; url: string }
  | ({ kind: 'cluster'; nodes: RedisNode[] } & Credentials)
  | ({ kind: 'sentinel'; sentinels: RedisNode[]; masterName: string } & Credentials);

const SEED_LIST_URL = /^(rediss?)\+(cluster|sentinel):\/\/(?:([^:@/\s]*)(?::([^@/\s]*))?@)?([^/?#@\s]+)(?:\/([^/?#\s]*))?$/;
const NODE = /^([^\s:/,]+):(\d{1,5})$/;
const FORMS: Record<string, string> = {
  cluster: 'a cluster URL reads redis+cluster://[user:password@]host:port[,host:port...]',
  sentinel: 'a Sentinel URL reads redis+sentinel://[user:password@]host:port[,host:port...]/<master name>',
};

/** Parses `REDIS_URL`; throws with a message naming what is wrong (config validation reports it at boot). */
export function parseRedisAddress(url: string): RedisAddress {
  const kind = /^rediss?\+(cluster|sentinel):\/\//.exec(url)?.[1];
  if (!kind) return { kind: 'server', url };
  const match = SEED_LIST_URL.exec(url);
  if (!match) throw new Error(FORMS[kind]);
  const [, scheme, , username, password, hostList, path] = match;
  const nodes = hostList.split(',').map((entry) => {
    const node = NODE.exec(entry);
    const port = node ? Number(node[2]) : 0;
    if (!node || port < 1 || port > 65535) throw new Error(`${kind} node "${entry}" is not host:port`);
    return { host: node[1], port };
  });
  const decoded = (value: string | undefined) => (value ? decodeURIComponent(value) : undefined);
  const credentials = { tls: scheme === 'rediss', username: decoded(username), password: decoded(password) };
  if (kind === 'cluster') {
    if (path) throw new Error(FORMS.cluster);
    return { kind: 'cluster', nodes, ...credentials };
  }
  if (!path) throw new Error(`${FORMS.sentinel}: the master name is missing`);
  return { kind: 'sentinel', sentinels: nodes, masterName: decodeURIComponent(path), ...credentials };
}
