import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { ChildService } from './child-service';
import { redisCli } from './redis-cli';
import { waitUntil } from './running-api';

const LOOPBACK = '127.0.0.1';

/**
 * A Redis Cluster of the test's own: one `redis-server --cluster-enabled yes` master per port, no replicas,
 * joined with `redis-cli --cluster create`, no persistence. `url` is the form REDIS_URL takes for a cluster.
 */
export class OwnRedisCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'pedidos-redis-cluster-'));
  private readonly servers: ChildService[];

  constructor(readonly ports: number[]) {
    this.servers = ports.map((port) => {
      const args = [
        '--port', String(port), '--bind', LOOPBACK, '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`,
        '--cluster-node-timeout', '5000', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--dir', this.dir,
      ];
      return new ChildService(`redis-server :${port} (cluster)`, 'redis-server', args);
    });
  }

  /** Seed nodes in REDIS_URL form: `redis+cluster://127.0.0.1:p1,127.0.0.1:p2,...`. */
  get url(): string {
    return `redis+cluster://${this.ports.map((port) => `${LOOPBACK}:${port}`).join(',')}`;
  }

  async start(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.start(/Ready to accept connections/, 20_000)));
    const nodes = this.ports.map((port) => `${LOOPBACK}:${port}`);
    await redisCli(this.ports[0], '--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes');
    for (const port of this.ports) {
      await waitUntil(async () => (await redisCli(port, 'cluster', 'info')).includes('cluster_state:ok'), 30_000, `cluster state ok on :${port}`, 200);
    }
  }

  /** A cluster client for the test's own checks. */
  client(): Cluster {
    return new Cluster(this.ports.map((port) => ({ host: LOOPBACK, port })));
  }

  async destroy(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.stop('SIGKILL')));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
