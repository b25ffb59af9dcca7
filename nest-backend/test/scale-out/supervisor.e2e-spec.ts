import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Child, ProcessInfo, descendantsOf, freePort, isAlive, startChild } from '@pedidos/processes';
import { Environment } from '../../src/infrastructure/config/environment';
import { acceptsConnections } from '../support/child-service';
import { waitUntil } from '../support/running-api';
import { dropTestData, testEnvironment } from '../support/test-environment';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const START = join(REPO_ROOT, 'scripts', 'start.mjs');
const FRONTEND = join(REPO_ROOT, 'next-frontend');
const DASHBOARD_BUILD = join(FRONTEND, '.next', 'BUILD_ID');
const GONE_WITHIN_MS = 30_000;

/** One `node scripts/start.mjs` in a process group of its own, as a terminal would run it. */
class Supervisor {
  private readonly child: Child;

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    // All of its output is kept: the test checks none of it says "already in use" or mentions telemetry.
    this.child = startChild({ name: 'start', command: process.execPath, args: [START, ...args], cwd: REPO_ROOT, env, ownGroup: true, tailChars: 16_000_000 });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get output(): string {
    return this.child.output;
  }

  get exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.child.exited.then(({ code, signal }) => ({ code, signal }));
  }

  /** SIGKILL to its process group and to every process it started (some have groups of their own). */
  killTree(): void {
    this.child.killTree('SIGKILL');
  }

  /** Waits until the API and the dashboard answer, and returns every process the supervisor started. */
  async ready(dashboardPort: number): Promise<ProcessInfo[]> {
    await waitUntil(async () => {
      if (!this.child.running) throw new Error(`start exited:\n${this.output.slice(-3_000)}`);
      return this.output.includes('[start] API ready') && this.output.includes(`[start] dashboard at http://localhost:${dashboardPort}`);
    }, 180_000, 'the API and the dashboard to be ready', 200).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.output.slice(-3_000)}`);
    });
    return descendantsOf(this.pid);
  }
}

/** Waits until none of `processes` runs; fails naming those still running. */
async function allGone(processes: ProcessInfo[], what: string): Promise<void> {
  await waitUntil(async () => processes.every(({ pid }) => !isAlive(pid)), GONE_WITHIN_MS, what, 100).catch(() => {
    const left = processes.filter(({ pid }) => isAlive(pid)).map(({ pid, command }) => `${pid} ${command}`);
    throw new Error(`${what}: still running after ${GONE_WITHIN_MS} ms:\n${left.join('\n')}`);
  });
}

/**
 * `npx -y pnpm@10 start` leaves nothing behind: closing its terminal (SIGHUP to its process group), SIGKILL of
 * the supervisor, and SIGTERM all end the API, the worker, the dashboard and the Redis it started, and a start
 * right after each one finds its ports free. It runs the built backend and dashboard (--no-build) on ports of
 * its own, with a data directory and a Redis of its own (LOCAL_SERVICES_REDIS_CANDIDATE points at a closed
 * port, so the supervisor starts redis-server), and the test database on the shared MongoDB-compatible server.
 */
describe('supervisor (scripts/start.mjs) leaves no process behind', () => {
  let env: Environment;
  let dataDir: string;
  let apiPort: number;
  let dashboardPort: number;
  let supervisorEnv: NodeJS.ProcessEnv;
  const started: Supervisor[] = [];

  beforeAll(async () => {
    env = testEnvironment('supervisor');
    dataDir = mkdtempSync(join(tmpdir(), 'pedidos-supervisor-'));
    [apiPort, dashboardPort] = [await freePort(), await freePort()];
    const { REDIS_URL: _shared, ...inherited } = process.env;
    supervisorEnv = {
      ...inherited,
      MONGO_URI: env.MONGO_URI,
      KEY_PREFIX: env.KEY_PREFIX,
      PORT: String(apiPort),
      DASHBOARD_PORT: String(dashboardPort),
      LOCAL_SERVICES_REDIS_CANDIDATE: `redis://127.0.0.1:${await freePort()}`,
      LOG_LEVEL: 'warn',
    };
    if (!existsSync(join(REPO_ROOT, 'nest-backend', 'dist', 'main.js'))) throw new Error('build the backend first (npx -y pnpm@10 --filter nest-backend build)');
    // Any build will do (the test is about processes, not pages); the dashboard's own test rebuilds a stale one.
    if (!existsSync(DASHBOARD_BUILD)) {
      execFileSync(process.execPath, [join(FRONTEND, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
        cwd: FRONTEND,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
        stdio: 'ignore',
        timeout: 10 * 60_000,
      });
    }
  }, 11 * 60_000);

  afterAll(async () => {
    for (const supervisor of started) supervisor.killTree();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (env) await dropTestData(env);
  });

  const start = () => {
    const supervisor = new Supervisor(['--no-build', '--workers', '1', '--data-dir', dataDir], supervisorEnv);
    started.push(supervisor);
    return supervisor;
  };
  const portsFree = async () => !(await acceptsConnections('127.0.0.1', apiPort)) && !(await acceptsConnections('127.0.0.1', dashboardPort));
  const kinds = (tree: ProcessInfo[]) => ({
    api: tree.some(({ command }) => command.endsWith('dist/main.js')),
    worker: tree.some(({ command }) => command.endsWith('dist/worker.js')),
    dashboard: tree.some(({ command }) => / start -p \d+$/.test(command)),
    redis: tree.some(({ command }) => command.includes('redis-server')),
  });

  it('stops everything on SIGHUP, after its own SIGKILL, and on SIGTERM, and starts again right after each', async () => {
    // 1. The terminal closes: SIGHUP to the supervisor's process group.
    const first = start();
    const firstTree = await first.ready(dashboardPort);
    expect(kinds(firstTree)).toEqual({ api: true, worker: true, dashboard: true, redis: true });
    process.kill(-first.pid, 'SIGHUP');
    expect(await first.exited).toEqual({ code: 129, signal: null });
    await allGone(firstTree, 'processes of the start closed by SIGHUP');
    expect(await portsFree()).toBe(true);

    // 2. Right after, a second start gets the ports; then the supervisor alone is killed with SIGKILL.
    const second = start();
    const secondTree = await second.ready(dashboardPort);
    expect(kinds(secondTree)).toEqual({ api: true, worker: true, dashboard: true, redis: true });
    process.kill(second.pid, 'SIGKILL');
    expect(await second.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // 3. Right after that, a third start: the orphan guards stop the second start's children, or the third stops them.
    const third = start();
    await allGone(secondTree, 'processes of the start killed with SIGKILL');
    const thirdTree = await third.ready(dashboardPort);
    expect(third.output).not.toMatch(/already in use/);
    process.kill(third.pid, 'SIGTERM');
    expect(await third.exited).toEqual({ code: 143, signal: null });
    await allGone(thirdTree, 'processes of the start stopped by SIGTERM');
    expect(await portsFree()).toBe(true);

    for (const supervisor of [first, second, third]) expect(supervisor.output).not.toMatch(/telemetry/i);
  });
});
