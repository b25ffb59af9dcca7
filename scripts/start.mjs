#!/usr/bin/env node
// `pnpm start`: installs, finds or starts MongoDB and Redis, builds, then runs
// the API (:3000), optional extra workers and the dashboard (:3001) until Ctrl-C.
//
//   node scripts/start.mjs [--no-frontend] [--workers N]
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ensureServices, REPO_ROOT } from './local-services.mjs';
import { isPortFree } from './lib/probes.mjs';
import { settingsForStartedServer } from './lib/server-settings.mjs';
import { describeExit, run, signalIfRunning, startProcess } from './lib/processes.mjs';

/** As in nest-backend's package.json and Dockerfile: a heap cap and V8's small-heap tuning keep peak RSS low and flat in the run's size (bench/README.md). */
const BACKEND_NODE_ARGS = ['--max-old-space-size=160', '--optimize-for-size'];

const PNPM = ['-y', 'pnpm@10'];
const BACKEND_DIR = path.join(REPO_ROOT, 'nest-backend');
const FRONTEND_DIR = path.join(REPO_ROOT, 'next-frontend');
const DASHBOARD_PORT = 3001;
const say = (line) => process.stdout.write(`[start] ${line}\n`);

function parseArgs(argv) {
  const options = { frontend: true, workers: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-frontend') options.frontend = false;
    else if (arg === '--workers' || arg.startsWith('--workers=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      options.workers = Number(value);
      if (!Number.isInteger(options.workers) || options.workers < 0) fail(`--workers needs a whole number, got "${value}"`);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: node scripts/start.mjs [--no-frontend] [--workers N]\n');
      process.exit(0);
    } else fail(`unknown option ${arg} (try --help)`);
  }
  options.frontend &&= fs.existsSync(path.join(FRONTEND_DIR, 'package.json'));
  return options;
}

function fail(message) {
  process.stderr.write(`[start] ${message}\n`);
  process.exit(2);
}

const pnpm = (args, env) => run('npx', [...PNPM, ...args], { cwd: REPO_ROOT, env });

const children = [];
let services;
let shuttingDown;

/** Stops the apps (newest first), then the servers they use, then exits. */
function shutdown(exitCode) {
  return (shuttingDown ??= (async () => {
    say('stopping...');
    for (const child of [...children].reverse()) await child.stop(15_000);
    await services?.stop();
    process.exit(exitCode);
  })());
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const apiPort = Number(process.env.PORT ?? 3000);
  const apiUrl = `http://localhost:${apiPort}`;
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
    process.on(sig, () => (shuttingDown ? process.exit(code) : shutdown(code))); // a second Ctrl-C does not wait
  }
  process.on('exit', () => children.forEach(signalIfRunning));

  const needsInstall = [REPO_ROOT, BACKEND_DIR, ...(options.frontend ? [FRONTEND_DIR] : [])].some((dir) => !fs.existsSync(path.join(dir, 'node_modules')));
  if (needsInstall) {
    say('installing workspace packages...');
    await pnpm(['install', '--frozen-lockfile']);
  }

  services = await ensureServices({ handleSignals: false });
  const picked = settingsForStartedServer(services.mongoServer);
  picked.notes.forEach((note) => say(note));
  const backendEnv = { ...process.env, ...picked.env, PORT: String(apiPort), MONGO_URI: services.mongoUri, REDIS_URL: services.redisUrl };
  const frontendEnv = { ...process.env, PORT: String(DASHBOARD_PORT), NEXT_PUBLIC_API_URL: apiUrl, API_URL: apiUrl };

  say('building nest-backend...');
  await pnpm(['--filter', 'nest-backend', 'build']);
  for (const entry of ['main.js', ...(options.workers > 0 ? ['worker.js'] : [])]) {
    if (!fs.existsSync(path.join(BACKEND_DIR, 'dist', entry))) throw new Error(`the nest-backend build did not produce dist/${entry}`);
  }
  if (options.frontend) {
    say('building next-frontend...');
    await pnpm(['--filter', 'next-frontend', 'build'], frontendEnv); // NEXT_PUBLIC_* is inlined at build time
  }

  for (const [port, what] of [[apiPort, 'the API (set PORT)'], ...(options.frontend ? [[DASHBOARD_PORT, 'the dashboard']] : [])]) {
    if (!(await isPortFree(port))) throw new Error(`port ${port} for ${what} is already in use`);
  }

  const launch = (spec) => {
    const child = startProcess({ cwd: BACKEND_DIR, env: backendEnv, ...spec });
    children.push(child);
    child.exited.then((info) => {
      if (shuttingDown) return;
      say(`${child.name} stopped: ${describeExit(info)}; stopping everything`);
      shutdown(info.code || 1);
    });
    return child;
  };
  launch({ name: 'api', command: process.execPath, args: [...BACKEND_NODE_ARGS, 'dist/main.js'] });
  for (let i = 1; i <= options.workers; i++) launch({ name: `worker-${i}`, command: process.execPath, args: [...BACKEND_NODE_ARGS, 'dist/worker.js'] });
  if (options.frontend) {
    // pnpm runs `next start` as its own child: stop the whole group.
    launch({ name: 'web', command: 'npx', args: [...PNPM, '--filter', 'next-frontend', 'start'], cwd: REPO_ROOT, env: frontendEnv, killGroup: true });
  }

  const gaveUp = () => Boolean(shuttingDown);
  if (await answersHttp(`${apiUrl}/health`, 120_000, gaveUp)) say(`API ready at ${apiUrl} (OpenAPI at ${apiUrl}/docs)`);
  else if (!gaveUp()) say(`API did not answer ${apiUrl}/health within 120 s; it keeps running`);
  if (options.frontend && (await answersHttp(`http://localhost:${DASHBOARD_PORT}/`, 60_000, gaveUp))) {
    say(`dashboard at http://localhost:${DASHBOARD_PORT}`);
  }
  if (!gaveUp()) say('press Ctrl-C to stop');
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
