#!/usr/bin/env node
// Finds or starts, on loopback, the MongoDB-compatible server and the Redis
// the system needs, so that a fresh clone runs with no setup.
//
//   MongoDB (unless MONGO_URI is set), first that works:
//     a. a server answering `hello` at mongodb://127.0.0.1:27017
//     b. `mongod` on PATH, data in .local/mongod-data
//     c. FerretDB v1.24.2 (tools/ferretdb, built into .local/bin on first use) on PostgreSQL:
//        127.0.0.1:5432 when it accepts user postgres without a password, else a
//        private cluster in .local/postgres made with the installed PostgreSQL binaries
//     d. mongodb-memory-server, when installed and able to download a mongod
//   Redis (unless REDIS_URL is set): 127.0.0.1:6379 if it answers PING, else
//   `redis-server` on a free port with persistence off and noeviction.
//
// Library: `await ensureServices({ log, dataDir })`. CLI: `node scripts/local-services.mjs --print-env`.
//
// Test-only overrides: LOCAL_SERVICES_MONGO_CANDIDATE, LOCAL_SERVICES_REDIS_CANDIDATE and
// LOCAL_SERVICES_POSTGRES_CANDIDATE replace the addresses probed first (point one at a closed
// port to force the fallback); LOCAL_SERVICES_SKIP=mongod,ferretdb skips those steps.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { describeExit, freePort, isAlive } from '@pedidos/processes';

import { isPortFree, mongoAnswers, postgresState, redisAnswers, waitFor } from './lib/probes.mjs';
import { forgetPid, rememberPid, stopLeftovers } from './lib/pid-records.mjs';
import { run, signalIfRunning, startService, which } from './lib/processes.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_DATABASE = 'pedidos_ferretdb';
const LOOPBACK = '127.0.0.1';

/** Thrown when a fallback step cannot apply on this machine; the next step is tried. */
class Unavailable extends Error {}

const defaultLog = (line) => process.stderr.write(`[services] ${line}\n`);

/**
 * Finds or starts MongoDB and Redis. Resolves once both answer.
 *
 * @param {object} [options]
 * @param {(line: string) => void} [options.log] where progress lines go (default: stderr)
 * @param {string} [options.dataDir] state of started servers (default: <repo>/.local)
 * @param {string} [options.mongoDatabase] database name put in the returned mongoUri when it is chosen here (default 'pedidos')
 * @param {boolean} [options.handleSignals] stop what was started on SIGINT/SIGTERM, then exit (default true)
 * @returns {Promise<{ mongoUri: string, redisUrl: string,
 *   mongoServer: 'external'|'mongodb'|'mongod'|'ferretdb'|'mongodb-memory-server',
 *   redisServer: 'external'|'redis'|'redis-server', stop: () => Promise<void> }>}
 */
export async function ensureServices({ log = defaultLog, dataDir = path.join(REPO_ROOT, '.local'), mongoDatabase = 'pedidos', handleSignals = true } = {}) {
  fs.mkdirSync(dataDir, { recursive: true });
  const started = []; // children (@pedidos/processes), in start order
  const cleanups = []; // other things to stop (mongodb-memory-server)
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal).off('SIGHUP', onSignal).off('exit', onExit);
      for (const cleanup of cleanups.reverse()) await cleanup().catch((err) => log(`stopping: ${err.message}`));
      for (const handle of started.reverse()) {
        await handle.stop();
        forgetPid(dataDir, handle);
      }
    })());
  const onSignal = (sig) => {
    stop().finally(() => {
      if (process.listenerCount(sig) === 0) process.exit(128 + os.constants.signals[sig]);
    });
  };
  const onExit = () => started.forEach(signalIfRunning);
  if (handleSignals) process.on('SIGINT', onSignal).on('SIGTERM', onSignal).on('SIGHUP', onSignal);
  process.on('exit', onExit);

  const ctx = {
    log,
    dataDir,
    mongoDatabase,
    logFile: (name) => path.join(dataDir, 'logs', `${name}.log`),
    track(child) {
      started.push(child);
      rememberPid(dataDir, child);
      child.exited.then((exit) => {
        if (!stopping) log(`${child.name} (pid ${child.pid}) stopped unexpectedly: ${describeExit(exit)}; log: ${child.logFile}`);
      });
      return child;
    },
    onStop: (cleanup) => cleanups.push(cleanup),
  };

  try {
    await stopLeftovers(dataDir, log);
    const redis = await ensureRedis(ctx);
    const mongo = await ensureMongo(ctx);
    log(`MongoDB: ${mongo.where} -> ${redact(mongo.uri)}`);
    log(`Redis:   ${redis.where} -> ${redact(redis.url)}`);
    return { mongoUri: mongo.uri, redisUrl: redis.url, mongoServer: mongo.server, redisServer: redis.server, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

// ---------- Redis ----------

async function ensureRedis(ctx) {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, server: 'external', where: 'REDIS_URL' };

  const candidate = new URL(process.env.LOCAL_SERVICES_REDIS_CANDIDATE ?? 'redis://127.0.0.1:6379');
  const host = candidate.hostname;
  const port = Number(candidate.port || 6379);
  if (await redisAnswers(host, port)) return { url: `redis://${host}:${port}`, server: 'redis', where: `running server at ${host}:${port}` };

  const binary = which('redis-server');
  if (!binary) {
    throw new Error(`no Redis answers at ${host}:${port} and redis-server is not on PATH: install it (apt-get install -y redis-server) or set REDIS_URL`);
  }
  const serverPort = await freePort();
  const dir = path.join(ctx.dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  // Bull keeps jobs in Redis: never evict them; persistence is pointless for a throwaway server.
  const args = ['--port', String(serverPort), '--bind', LOOPBACK, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--dir', dir];
  const handle = ctx.track(startService({ name: 'redis-server', command: binary, args, logFile: ctx.logFile('redis-server') }));
  await waitFor(() => redisAnswers(LOOPBACK, serverPort), { what: 'redis-server', timeoutMs: 15_000, failIf: exitedFailure(handle) });
  return { url: `redis://${LOOPBACK}:${serverPort}`, server: 'redis-server', where: `redis-server started here (pid ${handle.pid})` };
}

// ---------- MongoDB ----------

async function ensureMongo(ctx) {
  if (process.env.MONGO_URI) return { uri: process.env.MONGO_URI, server: 'external', where: 'MONGO_URI' };

  const candidate = new URL(process.env.LOCAL_SERVICES_MONGO_CANDIDATE ?? 'mongodb://127.0.0.1:27017');
  const host = candidate.hostname;
  const port = Number(candidate.port || 27017);
  if (await mongoAnswers(host, port)) {
    return { uri: `mongodb://${host}:${port}/${ctx.mongoDatabase}`, server: 'mongodb', where: `running server at ${host}:${port}` };
  }

  const skip = new Set((process.env.LOCAL_SERVICES_SKIP ?? '').split(',').map((s) => s.trim()));
  const reasons = [`nothing answers hello at ${host}:${port}`];
  const mongod = which('mongod');
  if (mongod && !skip.has('mongod')) return startMongod(ctx, mongod);
  reasons.push(mongod ? 'mongod skipped' : 'no mongod on PATH');

  if (!skip.has('ferretdb')) {
    try {
      return await startFerretDb(ctx);
    } catch (err) {
      if (!(err instanceof Unavailable)) throw err;
      ctx.log(`FerretDB unavailable: ${err.message}`);
      reasons.push(`FerretDB unavailable (${err.message})`);
    }
  } else reasons.push('FerretDB skipped');

  return startMemoryServer(ctx, reasons);
}

async function mongoPort() {
  return (await isPortFree(27017)) ? 27017 : freePort();
}

async function startMongod(ctx, binary) {
  const dbPath = path.join(ctx.dataDir, 'mongod-data');
  fs.mkdirSync(dbPath, { recursive: true });
  const port = await mongoPort();
  const args = ['--dbpath', dbPath, '--bind_ip', LOOPBACK, '--port', String(port)];
  const handle = ctx.track(startService({ name: 'mongod', command: binary, args, logFile: ctx.logFile('mongod') }));
  await waitFor(() => mongoAnswers(LOOPBACK, port), { what: 'mongod', timeoutMs: 60_000, failIf: exitedFailure(handle) });
  return { uri: `mongodb://${LOOPBACK}:${port}/${ctx.mongoDatabase}`, server: 'mongod', where: `mongod started here (pid ${handle.pid}, data ${rel(dbPath)})` };
}

async function startFerretDb(ctx) {
  const binary = await ensureFerretDbBinary(ctx);
  const pg = await ensurePostgres(ctx);
  const port = await mongoPort();
  const args = [
    '-listen', `${LOOPBACK}:${port}`,
    '-handler', 'postgresql',
    '-postgresql-url', embeddedPostgresUrl(pg),
    '-log-level', 'warn',
  ];
  const handle = ctx.track(startService({ name: 'ferretdb', command: binary, args, logFile: ctx.logFile('ferretdb') }));
  await waitFor(() => mongoAnswers(LOOPBACK, port), { what: 'FerretDB', timeoutMs: 60_000, failIf: exitedFailure(handle) });
  return {
    uri: `mongodb://${LOOPBACK}:${port}/${ctx.mongoDatabase}`,
    server: 'ferretdb',
    where: `FerretDB ${FERRETDB_VERSION} started here (pid ${handle.pid}) on PostgreSQL ${pg.where}, database ${FERRETDB_DATABASE}, synchronous_commit=off on its connections`,
  };
}

/**
 * FerretDB's connection to PostgreSQL for the embedded default. FerretDB 1.24 commits every updated document
 * on its own, and PostgreSQL flushes its write-ahead log at every commit, so processing waits on the disk
 * for each order (5,000 orders: 11-24 s with the flush, 3 s without, bench/README.md). `synchronous_commit=off`
 * (sent by pgx as a run-time parameter of FerretDB's own connections, so nothing changes on the server or for
 * its other clients) acknowledges a commit before the flush: a crash of PostgreSQL can lose the last few
 * hundred milliseconds of commits, never corrupt data. Only here: a server the user gives (MONGO_URI) is
 * never touched.
 */
export function embeddedPostgresUrl(pg) {
  return `postgres://${pg.user}@${pg.host}:${pg.port}/${FERRETDB_DATABASE}?synchronous_commit=off`;
}

/** The launcher binary, (re)built from tools/ferretdb when missing or older than its sources. */
async function ensureFerretDbBinary(ctx) {
  const binary = path.join(ctx.dataDir, 'bin', 'ferretdb');
  const sourceDir = path.join(REPO_ROOT, 'tools', 'ferretdb');
  const newestSource = Math.max(0, ...['main.go', 'go.mod', 'go.sum'].map((f) => mtimeMs(path.join(sourceDir, f))));
  if (mtimeMs(binary) >= newestSource && mtimeMs(binary) > 0) return binary;

  const go = which('go') ?? (fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go || newestSource === 0) {
    if (mtimeMs(binary) > 0) return binary; // stale but usable
    throw new Unavailable(go ? `no sources in ${rel(sourceDir)}` : 'no Go toolchain to build tools/ferretdb');
  }
  ctx.log(`building the FerretDB ${FERRETDB_VERSION} launcher into ${rel(binary)} (1-2 minutes the first time)...`);
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  const partial = `${binary}.${process.pid}.partial`; // another script may build at the same time
  try {
    await run(go, ['build', '-o', partial, '.'], { cwd: sourceDir, logFile: ctx.logFile('ferretdb-build'), timeoutMs: 15 * 60_000 });
    fs.renameSync(partial, binary);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return binary;
}

// ---------- PostgreSQL for FerretDB ----------

async function ensurePostgres(ctx) {
  const candidate = new URL(process.env.LOCAL_SERVICES_POSTGRES_CANDIDATE ?? 'postgres://postgres@127.0.0.1:5432');
  const host = candidate.hostname;
  const port = Number(candidate.port || 5432);
  const user = decodeURIComponent(candidate.username || 'postgres');
  const state = await postgresState(host, port, user);
  if (state === 'ready') return { host, port, user, where: `${host}:${port}` };
  if (state !== 'down') ctx.log(`PostgreSQL at ${host}:${port} is not usable without a password (${state}); using a private cluster`);
  return startPrivateCluster(ctx);
}

/** The newest installed PostgreSQL server binaries, or undefined. */
function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const dirs = versions.map((v) => path.join(root, v, 'bin'));
  const initdb = which('initdb');
  if (initdb) dirs.push(path.dirname(fs.realpathSync(initdb)));
  return dirs.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres')));
}

/** PostgreSQL refuses to run as root: when we are root, run it as the `postgres` (else `nobody`) user. */
function serverAccount() {
  if (process.getuid?.() !== 0) return {};
  const users = fs.readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'));
  const account = users.find((u) => u[0] === 'postgres') ?? users.find((u) => u[0] === 'nobody');
  if (!account) throw new Unavailable('running as root and no postgres or nobody user to run PostgreSQL as');
  return { uid: Number(account[2]), gid: Number(account[3]), name: account[0] };
}

/** Port of a cluster already running on `dataDir` (from postmaster.pid), or undefined. */
function runningClusterPort(dataDir) {
  try {
    const [pid, , , port] = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    if (isAlive(Number(pid))) return Number(port);
  } catch {
    // no cluster running there
  }
  return undefined;
}

async function startPrivateCluster(ctx) {
  const binDir = postgresBinDir();
  if (!binDir) throw new Unavailable('no PostgreSQL answers and no PostgreSQL server binaries are installed (apt-get install -y postgresql)');
  const home = path.join(ctx.dataDir, 'postgres');
  const data = path.join(home, 'data');
  const account = serverAccount();
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  if (account.uid !== undefined) fs.chownSync(home, account.uid, account.gid);
  const ready = (port) => async () => (await postgresState(LOOPBACK, port)) === 'ready';

  const runningPort = runningClusterPort(data);
  if (runningPort) {
    await waitFor(ready(runningPort), { what: 'private PostgreSQL cluster', timeoutMs: 30_000 });
    return { host: LOOPBACK, port: runningPort, user: 'postgres', where: `private cluster ${rel(data)} on ${LOOPBACK}:${runningPort} (already running)` };
  }

  const asAccount = { uid: account.uid, gid: account.gid, cwd: home, env: { ...process.env, LC_ALL: 'C' } };
  if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
    ctx.log(`creating a private PostgreSQL cluster in ${rel(data)}${account.name ? ` (owned by ${account.name})` : ''}...`);
    fs.rmSync(data, { recursive: true, force: true }); // a half-made cluster from an interrupted initdb
    try {
      await run(path.join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], {
        ...asAccount,
        logFile: ctx.logFile('initdb'),
        timeoutMs: 120_000,
      });
    } catch (err) {
      const hint = account.name ? ` (user ${account.name} must be able to enter every folder above ${rel(home)})` : '';
      throw new Error(`initdb failed${hint}: ${err.message}`);
    }
  }

  const port = await freePort();
  // No Unix socket (its path may be too long or unwritable); commits need not wait for fsync here.
  const args = ['-D', data, '-p', String(port), '-c', `listen_addresses=${LOOPBACK}`, '-c', 'unix_socket_directories=', '-c', 'synchronous_commit=off'];
  const handle = ctx.track(
    startService({ name: 'postgres', command: path.join(binDir, 'postgres'), args, ...asAccount, logFile: ctx.logFile('postgres'), stopSignal: 'SIGINT' }),
  );
  await waitFor(ready(port), { what: 'private PostgreSQL cluster', timeoutMs: 60_000, failIf: exitedFailure(handle) });
  return { host: LOOPBACK, port, user: 'postgres', where: `private cluster ${rel(data)} on ${LOOPBACK}:${port} (pid ${handle.pid})` };
}

// ---------- mongodb-memory-server ----------

async function startMemoryServer(ctx, reasons) {
  const entry = resolveFromWorkspace('mongodb-memory-server');
  const advice = 'set MONGO_URI, install mongod, or let FerretDB run (needs Go and PostgreSQL)';
  if (!entry) throw new Error(`no MongoDB-compatible server: ${reasons.join('; ')}; mongodb-memory-server is not installed. Fix: ${advice}`);
  ctx.log('starting mongodb-memory-server (it downloads a mongod the first time)...');
  let server;
  try {
    const { MongoMemoryServer } = await import(pathToFileURL(entry).href);
    server = await MongoMemoryServer.create({ instance: { ip: LOOPBACK } });
  } catch (err) {
    throw new Error(`mongodb-memory-server could not start a mongod (${err.message}). Fix: ${advice}`);
  }
  ctx.onStop(() => server.stop());
  const port = new URL(server.getUri()).port;
  return { uri: `mongodb://${LOOPBACK}:${port}/${ctx.mongoDatabase}`, server: 'mongodb-memory-server', where: `mongodb-memory-server on ${LOOPBACK}:${port}` };
}

function resolveFromWorkspace(name) {
  for (const dir of [REPO_ROOT, path.join(REPO_ROOT, 'nest-backend')]) {
    try {
      return createRequire(path.join(dir, 'package.json')).resolve(name);
    } catch {
      // not installed there
    }
  }
  return undefined;
}

// ---------- small helpers ----------

const exitedFailure = (child) => () => (child.exit ? `exited (${describeExit(child.exit)})${child.lastLines()}` : undefined);

function mtimeMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

const rel = (file) => path.relative(process.cwd(), file) || '.';

/** Hides a password in a connection string before printing it. */
const redact = (uri) => uri.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

// ---------- CLI ----------

async function main(argv) {
  if (!argv.includes('--print-env')) {
    process.stderr.write('usage: node scripts/local-services.mjs --print-env [--mongo-db NAME]\n');
    process.exit(2);
  }
  const dbIndex = argv.indexOf('--mongo-db');
  const mongoDatabase = dbIndex >= 0 ? argv[dbIndex + 1] : undefined;
  const services = await ensureServices({ mongoDatabase });
  process.stdout.write(`MONGO_URI=${services.mongoUri}\nREDIS_URL=${services.redisUrl}\n`);
  defaultLog('running; stop with Ctrl-C (or SIGTERM)');
  setInterval(() => {}, 1 << 30); // stay in the foreground until a signal stops us
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    defaultLog(`error: ${err.message}`);
    process.exit(1);
  });
}
