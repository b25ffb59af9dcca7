#!/usr/bin/env node
// `pnpm start`: installs, finds or starts MongoDB and Redis, builds, then runs
// the API (:3000), optional extra workers and the dashboard (:3001) until Ctrl-C.
// Closing the terminal (SIGHUP), Ctrl-C (SIGINT) or SIGTERM stops everything it
// started; if it is killed outright (SIGKILL), each child's orphan guard stops the
// child, and the next start stops whatever is still shutting down, and says so.
//
//   node scripts/start.mjs [--no-frontend] [--workers N] [--no-build] [--data-dir DIR]
//   PORT (API, default 3000) and DASHBOARD_PORT (default 3001) move the ports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

import { isPortFree } from './lib/probes.mjs';
import { settingsForStartedServer } from './lib/server-settings.mjs';

// What needs the workspace's packages (@pedidos/processes) is imported after the install, in main().
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A heap cap, small semi-spaces and a fixed heap growth step keep peak RSS low and flat in the run's size (bench/README.md); written once, in nest-backend/node-flags.json. */
const BACKEND_NODE_ARGS = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'nest-backend', 'node-flags.json'), 'utf8'));

const PNPM = ['-y', 'pnpm@10'];
const BACKEND_DIR = path.join(REPO_ROOT, 'nest-backend');
const FRONTEND_DIR = path.join(REPO_ROOT, 'next-frontend');
const DASHBOARD_PORT = Number(process.env.DASHBOARD_PORT ?? 3001);
const NEXT_BIN = path.join(FRONTEND_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');
// A closed terminal makes every write fail (EIO, EPIPE): that must not stop the shutdown half-way.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
const say = (line) => process.stdout.write(`[start] ${line}\n`);

const USAGE = 'usage: node scripts/start.mjs [--no-frontend] [--workers N] [--no-build] [--data-dir DIR]';

function startOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        'no-frontend': { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        'data-dir': { type: 'string', default: path.join(REPO_ROOT, '.local') },
        workers: { type: 'string', default: '0' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail(`${error.message} (try --help)`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0) fail(`--workers needs a whole number, got "${values.workers}"`);
  return {
    frontend: !values['no-frontend'] && fs.existsSync(path.join(FRONTEND_DIR, 'package.json')),
    workers,
    build: !values['no-build'],
    dataDir: path.resolve(values['data-dir']),
  };
}

function fail(message) {
  process.stderr.write(`[start] ${message}\n`);
  process.exit(2);
}

const children = [];
let services;
let dataDir;
let shuttingDown;

/** Stops the apps (newest first), then the servers they use, then exits. */
function shutdown(exitCode) {
  return (shuttingDown ??= (async () => {
    say('stopping...');
    for (const child of [...children].reverse()) {
      await child.stop({ graceMs: 15_000 });
    }
    await services?.stop();
    process.exit(exitCode);
  })());
}

async function main() {
  const options = startOptions(process.argv.slice(2));
  const apiPort = Number(process.env.PORT ?? 3000);
  const apiUrl = `http://localhost:${apiPort}`;
  dataDir = options.dataDir;
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, () => (shuttingDown ? process.exit(code) : shutdown(code))); // a second Ctrl-C does not wait
  }

  installIfNeeded(options);
  const { ensureServices } = await import('./local-services.mjs');
  const { forgetPid, rememberPid } = await import('./lib/pid-records.mjs');
  const { describeExit } = await import('@pedidos/processes');
  const { run, signalIfRunning, startService } = await import('./lib/processes.mjs');
  process.on('exit', () => children.forEach(signalIfRunning));
  const pnpm = (args, env) => run('npx', [...PNPM, ...args], { cwd: REPO_ROOT, env });

  // Also stops what a start that was killed left behind (it records what it starts in <data dir>/run).
  services = await ensureServices({ handleSignals: false, dataDir });
  const picked = settingsForStartedServer(services.mongoServer);
  picked.notes.forEach((note) => say(note));
  const dashboardOrigins = `http://localhost:${DASHBOARD_PORT},http://127.0.0.1:${DASHBOARD_PORT}`;
  const backendEnv = { ...process.env, ...picked.env, PORT: String(apiPort), MONGO_URI: services.mongoUri, REDIS_URL: services.redisUrl, CORS_ORIGINS: process.env.CORS_ORIGINS ?? dashboardOrigins };
  const frontendEnv = { ...process.env, PORT: String(DASHBOARD_PORT), NEXT_PUBLIC_API_URL: apiUrl, API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' };

  if (options.build) {
    say('building nest-backend...');
    await pnpm(['--filter', 'nest-backend', 'build']);
  }
  for (const entry of ['main.js', ...(options.workers > 0 ? ['worker.js'] : [])]) {
    if (!fs.existsSync(path.join(BACKEND_DIR, 'dist', entry))) throw new Error(`no nest-backend/dist/${entry}: build it (start without --no-build)`);
  }
  if (options.frontend && options.build) {
    say('building next-frontend...');
    await pnpm(['--filter', 'next-frontend', 'build'], frontendEnv); // NEXT_PUBLIC_* is inlined at build time
  } else if (options.frontend && !fs.existsSync(path.join(FRONTEND_DIR, '.next', 'BUILD_ID'))) {
    throw new Error('no next-frontend build: build it (start without --no-build)');
  }

  for (const [port, what] of [[apiPort, 'the API (set PORT)'], ...(options.frontend ? [[DASHBOARD_PORT, 'the dashboard']] : [])]) {
    if (!(await isPortFree(port))) throw new Error(`port ${port} for ${what} is already in use`);
  }

  const launch = ({ match, ...spec }) => {
    const child = startService({ cwd: BACKEND_DIR, env: backendEnv, ...spec });
    children.push(child);
    rememberPid(dataDir, child, match);
    child.exited.then((info) => {
      forgetPid(dataDir, child); // before stop() resolves: its wait on `exited` comes later
      if (shuttingDown) return;
      say(`${child.name} stopped: ${describeExit(info)}; stopping everything`);
      shutdown(info.code || 1);
    });
    return child;
  };
  launch({ name: 'api', command: process.execPath, args: [...BACKEND_NODE_ARGS, 'dist/main.js'], match: 'dist/main.js' });
  // Each worker serves its own GET /metrics: one port each, from METRICS_PORT (9464) up; 0 keeps them all off.
  const metricsBase = Number(backendEnv.METRICS_PORT ?? 9464);
  for (let i = 1; i <= options.workers; i++) {
    const env = { ...backendEnv, METRICS_PORT: String(metricsBase === 0 ? 0 : metricsBase + i - 1) };
    launch({ name: `worker-${i}`, command: process.execPath, args: [...BACKEND_NODE_ARGS, 'dist/worker.js'], env, match: 'dist/worker.js' });
    if (metricsBase !== 0) say(`worker-${i} metrics at http://127.0.0.1:${env.METRICS_PORT}/metrics`);
  }
  if (options.frontend) {
    // `next start` itself, not through pnpm, so the process we stop is the one holding the port.
    launch({ name: 'web', command: process.execPath, args: [NEXT_BIN, 'start', '-p', String(DASHBOARD_PORT)], cwd: FRONTEND_DIR, env: frontendEnv, match: 'next' });
  }

  const gaveUp = () => Boolean(shuttingDown);
  if (await answersHttp(`${apiUrl}/health`, 120_000, gaveUp)) say(`API ready at ${apiUrl} (OpenAPI at ${apiUrl}/docs)`);
  else if (!gaveUp()) say(`API did not answer ${apiUrl}/health within 120 s; it keeps running`);
  if (options.frontend && (await answersHttp(`http://localhost:${DASHBOARD_PORT}/`, 60_000, gaveUp))) {
    say(`dashboard at http://localhost:${DASHBOARD_PORT}`);
  }
  if (!gaveUp()) say('press Ctrl-C to stop');
}

/** Installs the workspace when a package it needs is missing (a fresh clone): before anything imports one. */
function installIfNeeded(options) {
  const dirs = [REPO_ROOT, BACKEND_DIR, ...(options.frontend ? [FRONTEND_DIR] : [])];
  const processesBuilt = fs.existsSync(path.join(REPO_ROOT, 'node_modules', '@pedidos', 'processes', 'dist', 'index.js'));
  if (processesBuilt && dirs.every((dir) => fs.existsSync(path.join(dir, 'node_modules')))) return;
  say('installing workspace packages...');
  const install = spawnSync('npx', [...PNPM, 'install', '--frozen-lockfile'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`npx ${PNPM.join(' ')} install --frozen-lockfile: ${install.error?.message ?? `code ${install.status}`}`);
}

/** Polls url until it answers with a status below 500 (true), `timeoutMs` passes or `gaveUp()` (false). */
async function answersHttp(url, timeoutMs, gaveUp) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gaveUp()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return true;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return false;
}

main().catch((err) => {
  process.stderr.write(`[start] ${err.message}\n`);
  shutdown(1);
});
