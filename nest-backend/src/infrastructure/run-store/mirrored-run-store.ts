import { RunPage, RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { Phase } from '../../domain/run-phase';
import { KeyedLock, RunMirror, RunRecords, StoredRun } from './run-records';

/**
 * The run store the processes share: the database's records, each write of a run under a per-run lock held
 * across processes, and each write copied to the status mirror (under the same lock, so in order).
 * The lock is there because FerretDB (v1, PostgreSQL) applies an update as read-modify-write of the whole
 * document without isolation: two concurrent conditional updates both succeed and a concurrent `$set` of
 * other fields can put back an old phase. A cancel racing the driver's own write was lost that way, and the
 * cancelled run went on to DONE. The mirror is there because FerretDB's `findOne` alone has a p99 of tens of
 * milliseconds while a run writes (MirroredLatestRun serves status reads from it).
 */
export class MirroredRunStore extends RunStore {
  constructor(
    private readonly records: RunRecords,
    private readonly writes: KeyedLock,
    private readonly lockKey: (runId: string) => string,
    private readonly mirror: RunMirror,
  ) {
    super();
  }

  async create(run: ProcessRun): Promise<void> {
    await copyTo(this.mirror, await this.records.insert(run));
  }

  async update(runId: string, changes: Partial<ProcessRun>): Promise<void> {
    await this.writeAndCopy(runId, null, changes);
  }

  async transition(runId: string, from: Phase, to: Phase, changes: Partial<ProcessRun> = {}): Promise<boolean> {
    return this.writeAndCopy(runId, from, { ...changes, phase: to });
  }

  /** Returns false when no run matched. */
  private writeAndCopy(runId: string, onlyFrom: Phase | null, changes: Partial<ProcessRun>): Promise<boolean> {
    return this.writes.withLock(this.lockKey(runId), async () => {
      const written = await this.records.write(runId, onlyFrom, changes);
      if (written) await copyTo(this.mirror, written);
      return written !== null;
    });
  }

  findById(runId: string): Promise<ProcessRun | null> {
    return this.records.findById(runId);
  }

  findLatest(): Promise<ProcessRun | null> {
    return this.records.findLatest();
  }

  findActive(): Promise<ProcessRun[]> {
    return this.records.findActive();
  }

  list(page: number, limit: number): Promise<RunPage> {
    return this.records.list(page, limit);
  }

  async deleteAll(): Promise<number> {
    const deleted = await this.records.deleteAll();
    await this.mirror.clear();
    return deleted;
  }
}

/** A copy that missed a write is put right by the next write or refresh, so a failure here fails nothing. */
export async function copyTo(mirror: RunMirror, stored: StoredRun): Promise<void> {
  await mirror.write(stored.run, stored.revision).catch(() => undefined);
}
