// Pid files of the processes a script started, so that the next start can stop what a killed one left.
import fs from 'node:fs';
import path from 'node:path';
import { commandLineOf, isAlive, stopPid } from '@pedidos/processes';

const recordFile = (dataDir, child) => path.join(dataDir, 'run', `${child.name}-${child.pid}.json`);

/**
 * Records a started process under `<dataDir>/run`. `match` is a piece of its command line that the next
 * start checks before stopping a leftover, so a pid reused by an unrelated process is never signalled.
 */
export function rememberPid(dataDir, child, match = child.name) {
  fs.mkdirSync(path.join(dataDir, 'run'), { recursive: true });
  const record = { pid: child.pid, owner: process.pid, signal: child.stopSignal, command: child.name, match };
  fs.writeFileSync(recordFile(dataDir, child), JSON.stringify(record));
}

export function forgetPid(dataDir, child) {
  fs.rmSync(recordFile(dataDir, child), { force: true });
}

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
    if (isAlive(record.owner)) continue;
    if (isAlive(record.pid) && commandLineOf(record.pid).includes(record.match ?? record.command)) {
      log(`stopping ${record.command} (pid ${record.pid}) left over from an earlier run`);
      await stopPid(record.pid, record.signal ?? 'SIGTERM', 10_000);
    }
    fs.rmSync(path.join(dir, file), { force: true });
  }
}
