// The scripts' way of using @pedidos/processes: servers and apps that never outlive the script that started them.
import fs from 'node:fs';
import path from 'node:path';
import { runToCompletion, signalPid, startChild } from '@pedidos/processes';

/**
 * Starts a server or an app in a process group of its own (so a Ctrl-C in the terminal reaches only our scripts,
 * which then stop children in order) and under an orphan guard: it stops when this process ends, however it ends
 * (SIGKILL included), so nothing is left on its ports. Output goes to `logFile`, or line by line to our
 * stdout/stderr behind `prefix`. Returns the Child (`pid` is the guard's, which passes signals on).
 */
export function startService({ prefix, ...spec }) {
  const label = prefix ?? `[${spec.name}]`;
  const forward = spec.logFile ? undefined : (line, stream) => process[stream].write(`${label} ${line}\n`);
  return startChild({ ...spec, forward, ownGroup: true, stopWithParent: true });
}

/**
 * Runs a command to completion in our process group (a Ctrl-C during an install or a build stops it too);
 * it shares our terminal unless `logFile` is given. Rejects with its exit status and the log's last lines, or on `timeoutMs`.
 */
export function run(command, args, { cwd, env, logFile, uid, gid, timeoutMs } = {}) {
  return runToCompletion({ name: path.basename(command), command, args, cwd, env, logFile, uid, gid, inherit: !logFile }, { timeoutMs });
}

/** Last resort from a synchronous 'exit' handler: signal a child that still runs. */
export function signalIfRunning(child) {
  if (child.running && child.pid) signalPid(child.pid, child.stopSignal);
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
