// The e2e suites' processes, on @pedidos/processes (the workspace's one process library).
import { freePort as freeLoopbackPort, runToCompletion as runChild, startChild } from '@pedidos/processes';

const started = [];

/** A free TCP port on the loopback interface. */
export function freePort() {
  return freeLoopbackPort('127.0.0.1');
}

/**
 * Starts a long-running process in its own process group, output to a log file; stopped by stopAll().
 * The entry tells `exited` (true once it ended) and `exitInfo` (its signal, else its exit code).
 */
export function startProcess(name, command, args, { cwd, env, logFile }) {
  const child = startChild({ name, command, args, cwd, env, logFile, ownGroup: true });
  const entry = {
    name,
    child,
    logFile,
    get exited() {
      return !child.running;
    },
    get exitInfo() {
      return child.exit ? (child.exit.signal ?? child.exit.code) : undefined;
    },
  };
  started.push(entry);
  return entry;
}

/** Runs a command to completion within a time limit; rejects on failure or timeout. */
export function runToCompletion(command, args, { cwd, env, timeoutMs, logFile }) {
  return runChild({ name: command, command, args, cwd, env, logFile, ownGroup: true }, { timeoutMs });
}

/** Stops one started process (TERM to its group, then KILL after the grace period). */
export async function stopProcess(entry, graceMs = 5000) {
  await entry.child.stop({ graceMs });
}

/** Stops every process this script started: TERM, then KILL after a grace period. */
export async function stopAll(graceMs = 5000) {
  await Promise.all(started.map((entry) => stopProcess(entry, graceMs)));
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
