import { readFileSync, readdirSync } from 'node:fs';

/** A process and its command line, as /proc shows it. */
export interface ProcessInfo {
  pid: number;
  command: string;
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' ? null : Number(fields[1]);
  } catch {
    return null;
  }
}

/** Every live descendant of `root` (children, their children, …), from /proc. */
export function descendantsOf(root: number): ProcessInfo[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: ProcessInfo[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push({ pid, command: commandLine(pid) });
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** True while `pid` runs (a zombie does not count). */
export function isAlive(pid: number): boolean {
  return parentOf(pid) !== null;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}
