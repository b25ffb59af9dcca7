import { Injectable } from '@nestjs/common';
import { RunSlot } from '../../domain/ports/run-slot.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { isActivePhase } from '../../domain/run-phase';
import { RunLog } from '../run-log/run-log.service';
import { PhaseTransitions } from './phase-transitions';

/** Ends a run whose steps kept failing: ERROR with the reason, the run slot freed, its queued jobs discarded. */
@Injectable()
export class FailRun {
  constructor(
    private readonly runs: RunStore,
    private readonly phases: PhaseTransitions,
    private readonly slot: RunSlot,
    private readonly queue: WorkQueue,
    private readonly log: RunLog,
  ) {}

  /** Never throws: a failure to record the failure is logged, and an adopting process finds the run still active. */
  async fail(runId: string, error: Error): Promise<void> {
    this.log.error(`run ${runId} failed: ${error.message}`);
    try {
      const run = await this.runs.findById(runId);
      if (!run || !isActivePhase(run.phase)) return;
      const reason = error.message || String(error);
      await this.phases.move(runId, run.phase, 'ERROR', { errorReason: reason, finishedAt: new Date() });
      await this.slot.release(runId);
      await this.queue.discardQueued();
    } catch (cleanupError) {
      this.log.error(`run ${runId}: could not record the failure: ${(cleanupError as Error).message}`);
    }
  }
}
