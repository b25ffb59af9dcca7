import { INestApplication } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Db, MongoClient } from 'mongodb';
import { createApi } from '../../src/bootstrap';
import { Environment } from '../../src/infrastructure/config/environment';
import { databaseNameOf } from './test-environment';
import { waitUntil } from './wait-until';

export { waitUntil };

export interface Http {
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string): Promise<{ status: number; body: any }>;
}

export function httpClient(baseUrl: () => string): Http {
  const call = async (method: string, path: string) => {
    const response = await fetch(`${baseUrl()}${path}`, { method });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return { get: (path) => call('GET', path), post: (path) => call('POST', path) };
}

/** The API in this test process, listening on a free port. */
export async function startInProcessApi(env: Environment): Promise<{ app: INestApplication; url: string }> {
  const app = await createApi(env);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}` };
}

/** The built API (`dist/main.js`) as a real process, so a test can kill it. */
export class ApiProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    private readonly env: Environment,
    readonly port: number,
    private readonly script = 'main.js',
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process; `overrides` change its environment for this start only (e.g. another ORDERS_PER_JOB after a crash). */
  async start(overrides: Record<string, string> = {}): Promise<void> {
    const entry = join(__dirname, '..', '..', 'dist', this.script);
    const env = { ...process.env, ...stringEnv(this.env), ...overrides, PORT: String(this.port) };
    this.child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk) => (this.output += chunk));
    this.child.stderr?.on('data', (chunk) => (this.output += chunk));
    if (this.script === 'main.js') await waitUntil(async () => (await fetch(`${this.url}/health`).then((r) => r.ok).catch(() => false)), 30_000, 'API to answer /health');
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
    this.child = null;
  }
}

function stringEnv(env: Environment): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]));
}

export async function openDatabase(env: Environment): Promise<{ db: Db; close: () => Promise<void> }> {
  const client = await MongoClient.connect(env.MONGO_URI);
  return { db: client.db(databaseNameOf(env)), close: () => client.close() };
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port;
}

/** `count` distinct loopback ports free now (held open together while they are picked, so none repeats). */
export async function freePorts(count: number): Promise<number[]> {
  const { createServer } = await import('node:net');
  const servers = Array.from({ length: count }, () => createServer().listen(0, '127.0.0.1'));
  await Promise.all(servers.map((server) => once(server, 'listening')));
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => (server.close(), once(server, 'close'))));
  return ports;
}
