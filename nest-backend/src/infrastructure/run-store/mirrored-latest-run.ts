import { LatestRunCopy } from '../../domain/ports/latest-run-copy.port';
import { ProcessRun } from '../../domain/run';
import { copyTo } from './mirrored-run-store';
import { RunMirror, RunRecords, StoredRun } from './run-records';

/**
 * While the mirror is being read, each process compares it with the database this often (in the
 * background), which puts right a copy that missed a write (a crash between the two, a Redis restart).
 */
const MIRROR_CHECK_EVERY_MS = 5_000;

/** The latest run from the status mirror MirroredRunStore writes; from the database when the mirror holds none. */
export class MirroredLatestRun extends LatestRunCopy {
  private refreshing: Promise<ProcessRun | null> | null = null;
  private lastMirrorCheck = 0;

  constructor(
    private readonly records: RunRecords,
    private readonly mirror: RunMirror,
  ) {
    super();
  }

  async read(): Promise<ProcessRun | null> {
    const held = await this.mirror.read().catch(() => null);
    if (!held) return this.refresh(null);
    if (Date.now() - this.lastMirrorCheck >= MIRROR_CHECK_EVERY_MS) void this.refresh(held).catch(() => undefined);
    return held.run;
  }

  /** One database read at a time per process, however many status reads ask for it; writes only what changed. */
  private refresh(held: StoredRun | null): Promise<ProcessRun | null> {
    this.lastMirrorCheck = Date.now();
    this.refreshing ??= (async () => {
      const stored = await this.records.findLatestStored();
      if (!stored) await this.mirror.clear().catch(() => undefined);
      else if (stored.run.runId !== held?.run.runId || stored.revision !== held.revision) await copyTo(this.mirror, stored);
      return stored?.run ?? null;
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
  }
}
