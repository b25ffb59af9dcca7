import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildService } from './child-service';
import { redisCli } from './redis-cli';
import { waitUntil } from './running-api';

const LOOPBACK = '127.0.0.1';

export interface SentinelPorts {
  master: number;
  replica: number;
  sentinels: number[];
}

/**
 * A Redis master, one replica and three Sentinels of the test's own (no persistence): the Sentinels agree
 * (quorum 2) that the master is down one second after it stops answering and promote the replica.
 */
export class OwnRedisSentinel {
  readonly dir = mkdtempSync(join(tmpdir(), 'pedidos-redis-sentinel-'));
  readonly master: ChildService;
  readonly replica: ChildService;
  private readonly sentinels: ChildService[];

  constructor(
    readonly ports: SentinelPorts,
    readonly masterName: string,
  ) {
    const server = (port: number, extra: string[]) =>
      new ChildService(`redis-server :${port}`, 'redis-server', ['--port', String(port), '--bind', LOOPBACK, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--dir', this.dir, ...extra]);
    this.master = server(ports.master, []);
    this.replica = server(ports.replica, ['--replicaof', LOOPBACK, String(ports.master)]);
    this.sentinels = ports.sentinels.map((port) => {
      const config = join(this.dir, `sentinel-${port}.conf`);
      writeFileSync(
        config,
        [
          `port ${port}`,
          `bind ${LOOPBACK}`,
          `dir ${this.dir}`,
          `sentinel monitor ${masterName} ${LOOPBACK} ${ports.master} 2`,
          `sentinel down-after-milliseconds ${masterName} 1000`,
          `sentinel failover-timeout ${masterName} 5000`,
          `sentinel parallel-syncs ${masterName} 1`,
          '',
        ].join('\n'),
      );
      return new ChildService(`redis-sentinel :${port}`, 'redis-server', [config, '--sentinel']);
    });
  }

  /** REDIS_URL for these Sentinels: `redis+sentinel://127.0.0.1:p1,…/<master name>`. */
  get url(): string {
    return `redis+sentinel://${this.ports.sentinels.map((port) => `${LOOPBACK}:${port}`).join(',')}/${this.masterName}`;
  }

  /** Starts everything and waits until the replica is in sync and every Sentinel knows the replica and the other Sentinels. */
  async start(): Promise<void> {
    await this.master.start(/Ready to accept connections/, 20_000);
    await this.replica.start(/Ready to accept connections/, 20_000);
    await waitUntil(async () => (await redisCli(this.ports.replica, 'info', 'replication')).includes('master_link_status:up'), 30_000, 'the replica to sync', 200);
    await Promise.all(this.sentinels.map((sentinel) => sentinel.start(/Sentinel ID is/, 20_000)));
    for (const port of this.ports.sentinels) {
      await waitUntil(
        async () => {
          const master = (await redisCli(port, 'sentinel', 'master', this.masterName)).split('\n');
          const field = (name: string) => master[master.indexOf(name) + 1];
          return field('num-slaves') === '1' && field('num-other-sentinels') === String(this.ports.sentinels.length - 1);
        },
        30_000,
        `Sentinel :${port} to know the replica and the other Sentinels`,
        200,
      );
    }
  }

  /** The port of the master the Sentinels report now. */
  async masterPort(): Promise<number> {
    const [, port] = (await redisCli(this.ports.sentinels[0], 'sentinel', 'get-master-addr-by-name', this.masterName)).trim().split('\n');
    return Number(port);
  }

  async destroy(): Promise<void> {
    await Promise.all([...this.sentinels, this.replica, this.master].map((server) => server.stop('SIGKILL')));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
