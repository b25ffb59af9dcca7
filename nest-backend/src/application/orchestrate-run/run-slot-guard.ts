import { Injectable } from '@nestjs/common';
import { RunSlot } from '../../domain/ports/run-slot.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { isActivePhase } from '../../domain/run-phase';
import { RunLog } from '../run-log/run-log.service';
import { RunStopped } from './stop-signal';

/** The run slot is the workers' go-ahead; before every step it is restored if Redis lost it while the run is still active. */
@Injectable()
export class RunSlotGuard {
  constructor(
    private readonly slot: RunSlot,
    private readonly runs: RunStore,
    private readonly log: RunLog,
  ) {}

  /** Returns once the run holds the slot; throws `RunStopped` when a cancel took it, and an error when another run holds it. */
  async ensureHeld(run: ProcessRun): Promise<void> {
    const holder = await this.slot.holder();
    if (holder === run.runId) return;
    if (holder === null && (await this.slot.claim(run.runId)) === null) {
      // A cancel may have aborted the run and freed the slot between our read and this claim.
      const current = await this.runs.findById(run.runId);
      if (!current || !isActivePhase(current.phase)) {
        await this.slot.release(run.runId);
        throw new RunStopped();
      }
      this.log.warn(`run ${run.runId}: run slot restored`);
      return;
    }
    throw new Error(`run ${run.runId} is active but run ${holder} holds the run slot`);
  }
}
