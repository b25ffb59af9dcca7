import { Injectable } from '@nestjs/common';
import { RunSlot } from '../../domain/ports/run-slot.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { isActivePhase } from '../../domain/run-phase';
import { RunLog } from '../run-log/run-log.service';
import { FailRun } from './fail-run';
import { RunSlotGuard } from './run-slot-guard';
import { sleep } from './sleep';
import { STEP_RETRIES, StepRetries } from './step-retries';
import { RunStopped, StopSignal } from './stop-signal';
import { VipFirstSequence } from './vip-first-sequence';

/** Drives one run step by step until it leaves its active phases, waits for `POST /pedidos/process`, or is told to stop. */
@Injectable()
export class RunDriver {
  constructor(
    private readonly runs: RunStore,
    private readonly slot: RunSlot,
    private readonly slotGuard: RunSlotGuard,
    private readonly sequence: VipFirstSequence,
    private readonly failRun: FailRun,
    private readonly log: RunLog,
  ) {}

  /**
   * Re-reads the run before every step, so a step that failed half-way resumes from what was recorded.
   * `stopRequested` is asked between steps and inside them; it ends the drive without failing the run.
   */
  async drive(runId: string, stopRequested: () => boolean): Promise<void> {
    const stop = new StopSignal(runId, stopRequested, this.slot, this.runs);
    const retries = new StepRetries();
    for (;;) {
      try {
        stop.throwIfStopped();
        const run = await this.runs.findById(runId);
        if (!run || !isActivePhase(run.phase) || run.awaitingProcess) return;
        await this.slotGuard.ensureHeld(run);
        await this.sequence.advance(run, stop);
        retries.succeeded();
      } catch (error) {
        if (error instanceof RunStopped) return;
        const waitMs = retries.failed();
        if (waitMs === null) return await this.failRun.fail(runId, error as Error);
        this.log.warn(`run ${runId}: ${(error as Error).message}; retrying in ${waitMs} ms (${retries.count}/${STEP_RETRIES})`);
        await sleep(waitMs);
      }
    }
  }
}
