// Runs one command for a supervisor (startChild with `stopWithParent`) and makes sure it never outlives it: the
// supervisor holds the other end of our stdin, so when the supervisor dies, even by SIGKILL, stdin ends and the
// command is stopped (its stop signal, then SIGKILL after the grace time).
//
//   node dist/orphan-guard.js <stop signal> <grace ms> -- <command> [args...]
//
// Signals sent to the guard (SIGTERM, SIGINT, SIGHUP) go on to the command; the guard ends as the command ends,
// with its exit code. The command runs in the guard's process group, so a SIGKILL of the group ends both.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const [stopSignal, graceText, separator, command, ...args] = process.argv.slice(2);
const signals = constants.signals as Record<string, number>;
if (separator !== '--' || !command || !signals[stopSignal]) {
  process.stderr.write('usage: orphan-guard.js <stop signal> <grace ms> -- <command> [args...]\n');
  process.exit(2);
}
const graceMs = Number(graceText);

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
child.once('error', (error) => {
  process.stderr.write(`orphan-guard: cannot start ${command}: ${error.message}\n`);
  process.exit(127);
});
child.once('exit', (code, signal) => process.exit(code ?? 128 + (signal ? signals[signal] ?? 9 : 9)));

const send = (signal: NodeJS.Signals) => {
  try {
    if (child.pid) process.kill(child.pid, signal);
  } catch {
    // already gone
  }
};
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => send(signal));

let orphaned = false;
const supervisorGone = () => {
  if (orphaned) return;
  orphaned = true;
  send(stopSignal as NodeJS.Signals);
  setTimeout(() => send('SIGKILL'), graceMs).unref();
};
process.stdin.on('end', supervisorGone).on('close', supervisorGone).on('error', supervisorGone);
process.stdin.resume();
