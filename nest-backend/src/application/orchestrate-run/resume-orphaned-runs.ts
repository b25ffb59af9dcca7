import { Injectable } from '@nestjs/common';
import { RunStore } from '../../domain/ports/run-store.port';
import { RunLog } from '../run-log/run-log.service';
import { LeaseKeeper } from './lease-keeper';

/** How often an API process looks for active runs that no live process drives. */
const ADOPT_EVERY_MS = 3_000;

/**
 * Where a run resumes after a restart or a crash: an active run whose driver's lease lapsed is taken over
 * by the first API process to take its lease. Every step starts from the persisted run (generation drops
 * an unrecorded chunk, enqueueing goes on from the recorded high-water marks), so the run goes on where it was.
 */
@Injectable()
export class ResumeOrphanedRuns {
  constructor(
    private readonly runs: RunStore,
    private readonly lease: LeaseKeeper,
    private readonly log: RunLog,
  ) {}

  /** Looks now and every ADOPT_EVERY_MS until the returned function is called; `resume` drives a run whose lease was taken for it. */
  watch(drivenHere: (runId: string) => boolean, resume: (runId: string) => void): () => void {
    let watching = true;
    const look = () => {
      if (watching) void this.resumeOrphans(drivenHere, resume);
    };
    look();
    const timer = setInterval(look, ADOPT_EVERY_MS);
    return () => {
      watching = false;
      clearInterval(timer);
    };
  }

  /** Takes the lease of every active run not driven here and not waiting for `POST /pedidos/process`, and resumes it. */
  async resumeOrphans(drivenHere: (runId: string) => boolean, resume: (runId: string) => void): Promise<void> {
    try {
      for (const run of await this.runs.findActive()) {
        if (drivenHere(run.runId) || run.awaitingProcess) continue;
        if (await this.lease.acquire(run.runId)) {
          this.log.warn(`resuming run ${run.runId} in phase ${run.phase}`);
          resume(run.runId);
        }
      }
    } catch (error) {
      this.log.warn(`could not look for runs to resume: ${(error as Error).message}`);
    }
  }
}
