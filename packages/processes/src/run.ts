import { ChildSpec, describeExit, startChild } from './child';
import { within } from './pids';

/**
 * Runs a command to its end (an install, a build). Rejects when it exits other than 0 (with the tail of its
 * output) or outlives `timeoutMs` (its tree is then killed).
 */
export async function runToCompletion(spec: ChildSpec, { timeoutMs = 30 * 60_000 }: { timeoutMs?: number } = {}): Promise<void> {
  const child = startChild(spec);
  const what = [spec.command, ...(spec.args ?? [])].join(' ');
  const exit = await within(child.exited, timeoutMs);
  if (!exit) {
    child.killTree();
    await child.exited;
    throw new Error(`${what}: gave up after ${Math.round(timeoutMs / 1000)} s${spec.logFile ? ` (see ${spec.logFile})` : ''}${child.lastLines()}`);
  }
  if (exit.code !== 0) throw new Error(`${what}: ${describeExit(exit)}${spec.logFile ? ` (see ${spec.logFile})` : ''}${child.lastLines()}`);
}
