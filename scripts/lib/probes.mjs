// Wire-level checks that tell whether a MongoDB, Redis or PostgreSQL server
// answers, without any npm dependency (they run before `pnpm install` too).
import net from 'node:net';
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

// ---------- MongoDB: OP_MSG hello ----------

const OP_MSG = 2013;

function bsonDocument(fields) {
  const parts = [];
  for (const [key, value] of Object.entries(fields)) {
    const name = Buffer.from(`${key}\0`);
    if (typeof value === 'number') {
      const int = Buffer.alloc(4);
      int.writeInt32LE(value);
      parts.push(Buffer.from([0x10]), name, int);
    } else {
      const text = Buffer.from(`${value}\0`);
      const length = Buffer.alloc(4);
      length.writeInt32LE(text.length);
      parts.push(Buffer.from([0x02]), name, length, text);
    }
  }
  const body = Buffer.concat([...parts, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(body.length + 4);
  return Buffer.concat([size, body]);
}

function opMsg(command) {
  const doc = bsonDocument(command);
  const header = Buffer.alloc(21);
  header.writeInt32LE(21 + doc.length, 0); // messageLength
  header.writeInt32LE(1, 4); // requestID
  header.writeInt32LE(0, 8); // responseTo
  header.writeInt32LE(OP_MSG, 12); // opCode
  header.writeUInt32LE(0, 16); // flagBits
  header.writeUInt8(0, 20); // section kind 0: body
  return Buffer.concat([header, doc]);
}

/** Value of a top-level field of a BSON document, or undefined. Reads only the types a hello reply holds. */
function bsonField(doc, wanted) {
  const end = doc.readInt32LE(0) - 1;
  let i = 4;
  while (i < end) {
    const type = doc[i++];
    const nameEnd = doc.indexOf(0, i);
    const name = doc.toString('utf8', i, nameEnd);
    i = nameEnd + 1;
    const here = name === wanted;
    let size;
    switch (type) {
      case 0x01: if (here) return doc.readDoubleLE(i); size = 8; break;
      case 0x02: case 0x0d: case 0x0e:
        size = 4 + doc.readInt32LE(i);
        if (here) return doc.toString('utf8', i + 4, i + size - 1);
        break;
      case 0x03: case 0x04: size = doc.readInt32LE(i); break;
      case 0x05: size = 5 + doc.readInt32LE(i); break;
      case 0x07: size = 12; break;
      case 0x08: if (here) return doc[i] === 1; size = 1; break;
      case 0x10: if (here) return doc.readInt32LE(i); size = 4; break;
      case 0x12: if (here) return Number(doc.readBigInt64LE(i)); size = 8; break;
      case 0x09: case 0x11: size = 8; break;
      case 0x13: size = 16; break;
      case 0x0a: case 0x7f: case 0xff: if (here) return null; size = 0; break;
      default: return undefined; // a type a hello reply does not use
    }
    i += size;
  }
  return undefined;
}

const wholeMessage = (reply) => reply.length >= 4 && (reply.length >= reply.readInt32LE(0) || reply.readInt32LE(0) < 16);

async function mongoCommandOk(host, port, command, timeoutMs) {
  const reply = await exchange(host, port, opMsg(command), wholeMessage, { timeoutMs });
  if (reply.length < 26 || reply.readInt32LE(12) !== OP_MSG || reply[20] !== 0) return false;
  const ok = bsonField(reply.subarray(21), 'ok');
  return ok === 1 || ok === true;
}

/** True when a MongoDB-compatible server at host:port answers `hello` (or the legacy `isMaster`) with ok: 1. */
export async function mongoAnswers(host, port, timeoutMs = 2000) {
  try {
    if (await mongoCommandOk(host, port, { hello: 1, $db: 'admin' }, timeoutMs)) return true;
    return await mongoCommandOk(host, port, { isMaster: 1, $db: 'admin' }, timeoutMs);
  } catch {
    return false;
  }
}

// ---------- Redis: PING ----------

/** True when a Redis server at host:port answers PING with PONG (no password needed). */
export async function redisAnswers(host, port, timeoutMs = 2000) {
  try {
    const reply = await exchange(host, port, '*1\r\n$4\r\nPING\r\n', (r) => r.includes('\r\n'), { timeoutMs });
    return reply.toString('latin1').startsWith('+PONG');
  } catch {
    return false;
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

/** A port on host that was free a moment ago. */
export function findFreePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
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
