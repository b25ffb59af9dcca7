import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';

const started = [];

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a long-running process in its own process group, output to a log file; stopped by stopAll(). */
export function startProcess(name, command, args, { cwd, env, logFile }) {
  const log = createWriteStream(logFile, { flags: 'w' });
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const entry = { name, child, exited: false, log };
  child.on('exit', (code, signal) => {
    entry.exited = true;
    entry.exitInfo = signal ?? code;
  });
  started.push(entry);
  return entry;
}

/** Runs a command to completion within a time limit; rejects on failure or timeout. */
export function runToCompletion(command, args, { cwd, env, timeoutMs, logFile }) {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile, { flags: 'w' });
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms (see ${logFile})`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code} (see ${logFile})`));
    });
  });
}

function killGroup(child, signal = 'SIGTERM') {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops one started process (TERM, then KILL after the grace period). */
export async function stopProcess(entry, graceMs = 5000) {
  if (entry.exited) return;
  killGroup(entry.child);
  const deadline = Date.now() + graceMs;
  while (!entry.exited && Date.now() < deadline) await sleep(100);
  if (!entry.exited) killGroup(entry.child, 'SIGKILL');
  while (!entry.exited) await sleep(50);
}

/** Stops every process this script started: TERM, then KILL after a grace period. */
export async function stopAll(graceMs = 5000) {
  const running = started.filter((entry) => !entry.exited);
  running.forEach((entry) => killGroup(entry.child));
  const deadline = Date.now() + graceMs;
  while (running.some((entry) => !entry.exited) && Date.now() < deadline) await sleep(100);
  running.filter((entry) => !entry.exited).forEach((entry) => killGroup(entry.child, 'SIGKILL'));
  started.forEach((entry) => entry.log.end());
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function waitFor(description, check, { timeoutMs = 10_000, intervalMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${lastError ? ` (last error: ${lastError.message})` : ''}`);
}
