import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { ChildService, acceptsConnections } from './child-service';
import { waitUntil } from './wait-until';

const LOOPBACK = '127.0.0.1';
const REPO_ROOT = join(__dirname, '..', '..', '..');

/**
 * A redis-server of the test's own, so the test can kill it: AOF on with fsync on every write, so a
 * restart (even after SIGKILL) finds every acknowledged write; no RDB snapshots. The event bench can
 * ask for `everysec`.
 */
export class OwnRedis {
  readonly dir = mkdtempSync(join(tmpdir(), 'pedidos-faults-redis-'));
  private readonly server: ChildService;

  constructor(
    readonly port: number,
    appendfsync: 'always' | 'everysec' = 'always',
  ) {
    const binary = which('redis-server');
    if (!binary) throw new Error('redis-server is not on PATH: the Redis fault test starts its own (apt-get install -y redis-server)');
    const args = ['--port', String(port), '--bind', LOOPBACK, '--appendonly', 'yes', '--appendfsync', appendfsync, '--save', '', '--dir', this.dir];
    this.server = new ChildService(`redis-server :${port}`, binary, args);
  }

  get url(): string {
    return `redis://${LOOPBACK}:${this.port}`;
  }

  get running(): boolean {
    return this.server.running;
  }

  get pid(): number | undefined {
    return this.server.pid;
  }

  get output(): string {
    return this.server.output;
  }

  start(): Promise<void> {
    return this.server.start(/Ready to accept connections/, 20_000);
  }

  stop(signal: NodeJS.Signals) {
    return this.server.stop(signal, 10_000);
  }

  /** Stops the server and deletes its data directory. */
  async destroy(): Promise<void> {
    await this.server.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A FerretDB process of the test's own (the repository's launcher at .local/bin/ferretdb) on its own
 * PostgreSQL database, so the test can stop the MongoDB-compatible server and start it again on the same port.
 * PostgreSQL comes from FAULTS_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432 (trust auth, as in CI).
 */
export class OwnFerretDb {
  readonly binary = join(REPO_ROOT, '.local', 'bin', 'ferretdb');
  readonly postgresUrl: URL;
  private readonly server: ChildService;

  constructor(
    readonly port: number,
    postgresDatabase: string,
  ) {
    if (!existsSync(this.binary)) {
      throw new Error(
        `FerretDB launcher not found at ${this.binary}: the database fault test needs it. Build it once with ` +
          '`node scripts/local-services.mjs` (needs Go; see tools/ferretdb) or `cd tools/ferretdb && go build -o ../../.local/bin/ferretdb .`',
      );
    }
    this.postgresUrl = new URL(process.env.FAULTS_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432');
    this.postgresUrl.pathname = `/${postgresDatabase}`;
    const args = ['-listen', `${LOOPBACK}:${port}`, '-handler', 'postgresql', '-postgresql-url', this.postgresUrl.toString()];
    this.server = new ChildService(`ferretdb :${port}`, this.binary, args);
  }

  /** The MongoDB URI of `database` on this server. */
  uri(database: string): string {
    return `mongodb://${LOOPBACK}:${this.port}/${database}`;
  }

  get output(): string {
    return this.server.output;
  }

  get running(): boolean {
    return this.server.running;
  }

  async start(): Promise<void> {
    const pgHost = this.postgresUrl.hostname;
    const pgPort = Number(this.postgresUrl.port || 5432);
    if (!(await acceptsConnections(pgHost, pgPort))) {
      throw new Error(
        `PostgreSQL does not accept connections at ${pgHost}:${pgPort}: the database fault test runs its own FerretDB on it. ` +
          'Start PostgreSQL with trust auth for user postgres (CI does), or set FAULTS_POSTGRES_URL.',
      );
    }
    await this.server.start(/ferretdb listening/, 30_000);
    await waitUntil(() => this.answers(), 30_000, `FerretDB on port ${this.port} to answer ping`, 200);
  }

  stop(signal: NodeJS.Signals) {
    return this.server.stop(signal, 10_000);
  }

  private async answers(): Promise<boolean> {
    const client = new MongoClient(`mongodb://${LOOPBACK}:${this.port}/admin`, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
    try {
      await client.db('admin').command({ ping: 1 });
      return true;
    } finally {
      await client.close().catch(() => undefined);
    }
  }
}

export function which(command: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
