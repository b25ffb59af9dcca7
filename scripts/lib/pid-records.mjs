// Pid files of the processes a script started, so that the next start can stop what a killed one left.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const recordFile = (dataDir, handle) => path.join(dataDir, 'run', `${handle.name}-${handle.pid}.json`);

/**
 * Records a started process under `<dataDir>/run`. `match` is a piece of its command line that the next
 * start checks before stopping a leftover, so a pid reused by an unrelated process is never signalled.
 */
export function rememberPid(dataDir, handle, match = handle.name) {
  fs.mkdirSync(path.join(dataDir, 'run'), { recursive: true });
  const record = { pid: handle.pid, owner: process.pid, signal: handle.stopSignal, command: handle.name, match };
  fs.writeFileSync(recordFile(dataDir, handle), JSON.stringify(record));
}

export function forgetPid(dataDir, handle) {
  fs.rmSync(recordFile(dataDir, handle), { force: true });
}

/** True when pid runs (a zombie, killed but not yet reaped by its parent, does not). */
export const alive = (pid) => {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: trust kill(0)
  }
};

/** Stops processes that an earlier run started and could not stop (it was killed); leaves those of a live run alone. */
export async function stopLeftovers(dataDir, log) {
  const dir = path.join(dataDir, 'run');
  if (!fs.existsSync(dir)) return;
  for (const file of fs.readdirSync(dir)) {
    let record;
    try {
      record = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch {
      fs.rmSync(path.join(dir, file), { force: true });
      continue;
    }
    if (alive(record.owner)) continue;
    const cmdline = (() => {
      try {
        return fs.readFileSync(`/proc/${record.pid}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    })();
    if (alive(record.pid) && cmdline.includes(record.match ?? record.command)) {
      log(`stopping ${record.command} (pid ${record.pid}) left over from an earlier run`);
      await stopPid(record.pid, record.signal ?? 'SIGTERM');
    }
    fs.rmSync(path.join(dir, file), { force: true });
  }
}

/** Signals pid and waits (10 s at most) for it to go, then kills it. */
async function stopPid(pid, sig) {
  const signalPid = (s) => {
    try {
      process.kill(pid, s);
    } catch {
      // gone meanwhile
    }
  };
  signalPid(sig);
  const deadline = Date.now() + 10_000;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) signalPid('SIGKILL');
}
