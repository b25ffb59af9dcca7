import path from 'node:path';
import { freePort, startChild, type Child } from '@pedidos/processes';
import { expect } from '@playwright/test';
import { dropTestDatabase } from './database';
import { BACKEND, FRONTEND, NEXT_BIN, RESULTS } from './paths';

export type Env = Record<string, string>;

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Sent as `x-api-key` (default: the stack's API key on anything but GET). */
  key?: string | null;
  json?: unknown;
}

export interface StackSpec {
  /** Names the database, the Redis prefix and the log files: `dashboard`, `audit`. */
  name: string;
  apiKey: string;
  /** Sent on reads when the backend asks a key for them (READ_API_KEY). */
  readKey?: string;
  backendEnv: Env;
  /** The dashboards to start, each with its own environment (the key it holds). */
  dashboards: Record<string, Env>;
}

/**
 * One backend and its dashboards on free loopback ports, with a database and a Redis prefix of their own, so a
 * run left active by an interrupted earlier test (or another suite on the same services) cannot block these.
 */
export class Stack {
  readonly mongoUri: string;
  readonly keyPrefix: string;
  backendUrl = '';
  readonly dashboardUrls: Record<string, string> = {};
  private backend: Child | null = null;
  private backendPort = 0;
  private backendStarts = 0;
  private readonly dashboards: Child[] = [];

  constructor(private readonly spec: StackSpec) {
    const tag = `e2e_${spec.name}_${Date.now().toString(36)}`;
    const url = new URL(process.env.MONGO_URI!);
    url.pathname = `/${url.pathname.slice(1) || 'pedidos_test'}_${tag}`.slice(0, 60);
    this.mongoUri = url.toString();
    this.keyPrefix = `${process.env.KEY_PREFIX || 'pedidos'}-${tag}`.slice(0, 40);
  }

  get apiKey(): string {
    return this.spec.apiKey;
  }

  async start(): Promise<this> {
    this.backendPort = await freePort();
    this.backendUrl = `http://127.0.0.1:${this.backendPort}`;
    const ports = Object.fromEntries(await Promise.all(Object.keys(this.spec.dashboards).map(async (name) => [name, await freePort()] as const)));
    for (const [name, port] of Object.entries(ports)) this.dashboardUrls[name] = `http://127.0.0.1:${port}`;
    await this.startBackend();
    for (const [name, env] of Object.entries(this.spec.dashboards)) await this.startDashboard(name, ports[name], env);
    return this;
  }

  /** The backend's HTTP API: JSON in and out, the stack's key on writes. */
  async api<T = any>(pathname: string, { method = 'GET', key, json }: ApiRequest = {}): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = {};
    const sentKey = key === undefined ? (method === 'GET' ? (this.spec.readKey ?? null) : this.spec.apiKey) : key;
    if (sentKey) headers['x-api-key'] = sentKey;
    if (json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.backendUrl}${pathname}`, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }

  /** Stops the backend and starts it again on the same port; `env` changes its settings until the next restart. */
  async restartBackend(env: Env = {}): Promise<void> {
    await this.stopBackend();
    await this.startBackend(env);
  }

  async stopBackend(): Promise<void> {
    await this.backend?.stop({ graceMs: 5_000 });
  }

  async startBackend(env: Env = {}): Promise<void> {
    const logFile = path.join(RESULTS, `${this.spec.name}-backend${this.backendStarts++ ? `-${this.backendStarts}` : ''}.log`);
    const backend = startChild({
      name: `${this.spec.name} backend`,
      command: process.execPath,
      args: ['dist/main.js'],
      cwd: BACKEND,
      env: {
        ...process.env,
        PORT: String(this.backendPort),
        MONGO_URI: this.mongoUri,
        KEY_PREFIX: this.keyPrefix,
        CORS_ORIGINS: Object.values(this.dashboardUrls).join(','),
        API_KEY: this.spec.apiKey,
        ...this.spec.backendEnv,
        ...env,
      },
      logFile,
      ownGroup: true,
      stopWithParent: true,
    });
    this.backend = backend;
    await expect
      .poll(
        async () => {
          if (!backend.running) throw new Error(`the backend exited (${backend.exit?.signal ?? backend.exit?.code}); see ${logFile}`);
          return (await this.api('/pedidos').catch(() => ({ status: 0 }))).status;
        },
        { message: 'the backend answers GET /pedidos', timeout: 90_000, intervals: [500] },
      )
      .toBe(200);
  }

  private async startDashboard(name: string, port: number, env: Env): Promise<void> {
    const logFile = path.join(RESULTS, `${this.spec.name}-${name}.log`);
    const dashboard = startChild({
      name: `${this.spec.name} ${name}`,
      command: process.execPath,
      args: [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'],
      cwd: FRONTEND,
      env: { ...process.env, API_URL: this.backendUrl, NEXT_TELEMETRY_DISABLED: '1', ...env },
      logFile,
      ownGroup: true,
      stopWithParent: true,
    });
    this.dashboards.push(dashboard);
    const url = this.dashboardUrls[name];
    await expect
      .poll(
        async () => {
          if (!dashboard.running) throw new Error(`the ${name} exited; see ${logFile}`);
          return (await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch(() => ({ status: 0 }))).status;
        },
        { message: `the ${name} answers`, timeout: 60_000, intervals: [500] },
      )
      .toBe(200);
  }

  /** Stops every process of the stack and drops its database. */
  async stop(): Promise<void> {
    await Promise.all([this.stopBackend(), ...this.dashboards.map((child) => child.stop({ graceMs: 5_000 }))]);
    await dropTestDatabase(this.mongoUri).catch((error: Error) => console.log(`[e2e] could not drop ${this.mongoUri}: ${error.message}`));
  }
}
