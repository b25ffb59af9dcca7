// Starting, watching and stopping the child processes the scripts own.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ORPHAN_GUARD = fileURLToPath(new URL('./orphan-guard.mjs', import.meta.url));
/** How long a guard gives its command to stop once the script that started it is gone. */
const ORPHAN_GRACE_MS = 10_000;

/**
 * Starts `command`, by default in its own process group (so a Ctrl-C in the
 * terminal reaches only our scripts, which then stop children in order) and
 * under an orphan guard (./orphan-guard.mjs): the command stops when this
 * process ends, however it ends (SIGKILL included), so nothing is left on its ports.
 * Output goes to `logFile`, or line by line to our stdout/stderr behind `prefix`.
 * Returns a handle: { name, pid, logFile, exited: Promise<{code, signal, error}>, exitInfo, stop() };
 * `pid` is the guard's, which passes signals on to the command.
 */
export function startProcess({ name, command, args = [], cwd, env = process.env, logFile, prefix, uid, gid, stopSignal = 'SIGTERM', detached = true }) {
  let out = 'pipe';
  if (logFile) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    out = fs.openSync(logFile, 'w');
  }
  // A process in our own group (detached: false) stops with us anyway; the others are guarded.
  const [file, argv] = detached ? [process.execPath, [ORPHAN_GUARD, stopSignal, String(ORPHAN_GRACE_MS), '--', command, ...args]] : [command, args];
  const child = spawn(file, argv, { cwd, env, uid, gid, detached, stdio: [detached ? 'pipe' : 'ignore', out, out] });
  // We never write to the guard's stdin: it only ends when we do. It must not keep us running.
  child.stdin?.unref?.();
  child.stdin?.on('error', () => undefined);
  if (logFile) fs.closeSync(out);
  else {
    forwardLines(child.stdout, process.stdout, prefix ?? `[${name}]`);
    forwardLines(child.stderr, process.stderr, prefix ?? `[${name}]`);
  }

  const handle = { name, pid: child.pid, logFile, stopSignal, detached, exitInfo: undefined };
  handle.exited = new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  }).then((info) => (handle.exitInfo = info));
  handle.stop = (graceMs) => stopProcess(handle, graceMs);
  return handle;
}

function forwardLines(stream, target, prefix) {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => target.write(`${prefix} ${line}\n`));
}

function signal(handle, sig, group = false) {
  if (!handle.pid) return;
  try {
    process.kill(group ? -handle.pid : handle.pid, sig);
  } catch {
    // already gone
  }
}

/** Sends the handle's stop signal, waits up to `graceMs`, then kills its whole process group. */
export async function stopProcess(handle, graceMs = 10_000) {
  if (handle.exitInfo) return;
  signal(handle, handle.stopSignal);
  const exitedInTime = await Promise.race([handle.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!exitedInTime) {
    signal(handle, 'SIGKILL', handle.detached);
    await Promise.race([handle.exited, sleep(2000)]);
  }
}

/** Last resort from a synchronous 'exit' handler: signal whatever is still running. */
export function signalIfRunning(handle) {
  if (!handle.exitInfo) signal(handle, handle.stopSignal);
}

/** Describes how a process ended, for messages. */
export function describeExit(info) {
  if (!info) return 'still running';
  if (info.error) return info.error.message;
  return info.signal ? `killed by ${info.signal}` : `exit code ${info.code}`;
}

/** The last `lines` lines of a log file, indented, or '' when there is none. */
export function tail(logFile, lines = 20) {
  try {
    const text = fs.readFileSync(logFile, 'utf8').trimEnd();
    return text ? `\n  ${text.split('\n').slice(-lines).join('\n  ')}` : '';
  } catch {
    return '';
  }
}

/**
 * Runs a command to completion (inherits our stdio unless `logFile` is given).
 * Rejects with its exit status, the log's last lines, or on `timeoutMs`.
 */
export async function run(command, args, { cwd, env, logFile, uid, gid, timeoutMs = 30 * 60_000 } = {}) {
  // In our process group: a Ctrl-C during an install or a build stops it too.
  const handle = logFile
    ? startProcess({ name: path.basename(command), command, args, cwd, env, logFile, uid, gid, detached: false })
    : startInherited(command, args, { cwd, env });
  const finished = await Promise.race([handle.exited.then(() => true), sleep(timeoutMs).then(() => false)]);
  if (!finished) {
    signal(handle, 'SIGKILL');
    throw new Error(`${command} ${args.join(' ')}: gave up after ${Math.round(timeoutMs / 1000)} s`);
  }
  const info = handle.exitInfo;
  if (info.code !== 0) throw new Error(`${command} ${args.join(' ')}: ${describeExit(info)}${logFile ? tail(logFile) : ''}`);
}

function startInherited(command, args, { cwd, env }) {
  const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: 'inherit' });
  const handle = { name: command, pid: child.pid, exitInfo: undefined };
  handle.exited = new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', (code, sig) => resolve({ code, signal: sig }));
  }).then((info) => (handle.exitInfo = info));
  return handle;
}

/** Absolute path of an executable found on PATH, or undefined. */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
