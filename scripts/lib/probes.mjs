// Checks that tell whether a MongoDB, Redis or PostgreSQL server answers.
// MongoDB and Redis are asked through the real drivers; PostgreSQL (only the
// FerretDB launcher needs it, and no Postgres driver is installed) by its
// startup message.
import { createRequire } from 'node:module';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Sends `request` to host:port and resolves with the reply once
 * `isComplete(reply)` is true. Rejects on error, early close or timeout.
 * `farewell`, when given, is written before closing (a polite goodbye).
 */
export function exchange(host, port, request, isComplete, { timeoutMs = 2000, farewell } = {}) {
  return new Promise((resolve, reject) => {
    let reply = Buffer.alloc(0);
    let done = false;
    const socket = net.connect({ host, port });
    const finish = (err, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (!err && farewell) socket.end(farewell);
      socket.destroy();
      if (err) reject(err);
      else resolve(value);
    };
    const timer = setTimeout(() => finish(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      reply = Buffer.concat([reply, chunk]);
      if (isComplete(reply)) finish(null, reply);
    });
    socket.once('error', finish);
    socket.once('close', () => finish(new Error(`${host}:${port} closed the connection`)));
  });
}

// ---------- MongoDB and Redis: through the backend's own drivers ----------

// The drivers are nest-backend's dependencies, resolved from there (the root
// package has none) and imported on first use: `pnpm start` loads this module
// before it installs, and probes only after.
const fromBackend = createRequire(new URL('../../nest-backend/package.json', import.meta.url));
const importFromBackend = (name) => import(pathToFileURL(fromBackend.resolve(name)).href);

/** True when a MongoDB-compatible server at host:port answers `hello` with ok: 1 (no credentials needed). */
export async function mongoAnswers(host, port, timeoutMs = 2000) {
  const { MongoClient } = await importFromBackend('mongodb');
  const client = new MongoClient(`mongodb://${host}:${port}/?directConnection=true`, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    socketTimeoutMS: timeoutMs,
    monitorCommands: false,
  });
  try {
    const reply = await client.db('admin').command({ hello: 1 });
    return reply.ok === 1;
  } catch {
    return false;
  } finally {
    await client.close(true).catch(() => {});
  }
}

/** True when a Redis server at host:port answers PING with PONG (no password needed). */
export async function redisAnswers(host, port, timeoutMs = 2000) {
  const { default: Redis } = await importFromBackend('ioredis');
  const redis = new Redis({
    host,
    port,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on('error', () => {}); // a refused connection is an answer ("no"), not a crash
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

// ---------- PostgreSQL: startup message ----------

/**
 * State of the PostgreSQL server at host:port for `user` on database "postgres":
 * 'ready' (accepts a password-less login), 'starting', 'password-required',
 * 'refused: <message>' (answered with another error) or 'down'.
 */
export async function postgresState(host, port, user = 'postgres', timeoutMs = 2000) {
  const params = Buffer.from(`user\0${user}\0database\0postgres\0\0`);
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length, 0);
  startup.writeInt32BE(196608, 4); // protocol 3.0
  const terminate = Buffer.from([0x58, 0, 0, 0, 4]);

  let verdict;
  const judge = (reply) => {
    for (let i = 0; i + 5 <= reply.length; ) {
      const type = String.fromCharCode(reply[i]);
      const length = reply.readInt32BE(i + 1);
      if (i + 1 + length > reply.length) return false;
      if (type === 'R' && reply.readInt32BE(i + 5) !== 0) verdict = 'password-required';
      else if (type === 'E') {
        const fields = reply.toString('utf8', i + 5, i + 1 + length).split('\0');
        const code = fields.find((f) => f.startsWith('C'))?.slice(1);
        const message = fields.find((f) => f.startsWith('M'))?.slice(1) ?? 'error';
        verdict = code === '57P03' ? 'starting' : code?.startsWith('28') ? 'password-required' : `refused: ${message}`;
      } else if (type === 'Z') verdict = 'ready';
      if (verdict) return true;
      i += 1 + length;
    }
    return false;
  };
  try {
    await exchange(host, port, Buffer.concat([startup, params]), judge, { timeoutMs, farewell: terminate });
    return verdict;
  } catch {
    return verdict ?? 'down';
  }
}

// ---------- ports and waiting ----------

/** True when nothing listens on host:port (we could bind it). */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Polls `check` until it returns true. Throws after `timeoutMs`, or as soon as
 * `failIf()` returns a message (for example: the process we wait for exited).
 */
export async function waitFor(check, { what, timeoutMs, intervalMs = 200, failIf = () => undefined }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    const failure = failIf();
    if (failure) throw new Error(`${what}: ${failure}`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(intervalMs);
  }
}
