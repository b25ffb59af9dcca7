import { Injectable } from '@nestjs/common';
import { NoActiveRunError } from '../../domain/errors';
import { OrderStore } from '../../domain/ports/order-store.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { LogBook } from '../../domain/ports/run-events.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { RunSlot } from '../../domain/ports/run-slot.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { recountedWindows } from '../../domain/run';
import { PhaseTransitions } from '../orchestrate-run/phase-transitions';
import { RunOrchestrator } from '../orchestrate-run/run-orchestrator.service';
import { RunLog } from '../run-log/run-log.service';

export interface CancelOptions {
  /** Also drop the queue's history (completed and failed jobs). */
  purge: boolean;
  /** Delete the run's orders that were never processed (otherwise they stay, counted as cancelled). */
  removePending: boolean;
  resetLogs: boolean;
}

export interface RunCancelled {
  runId: string;
  phase: 'ABORTED';
  counts: { vip: number; normal: number; failed: number; cancelled: number; removedPending: number };
}

const LOOP_STOP_TIMEOUT_MS = 15_000;
const ACTIVE_JOBS_TIMEOUT_MS = 60_000;

/**
 * Cooperative cancel: the run is marked ABORTED and loses the run slot (so workers skip its slices
 * and its driver stops), queued jobs are discarded, jobs already running finish, and the counts are
 * recounted from the database so every order is either processed, failed or cancelled.
 */
@Injectable()
export class CancelRunService {
  constructor(
    private readonly runs: RunStore,
    private readonly orders: OrderStore,
    private readonly queue: WorkQueue,
    private readonly counters: RunCounters,
    private readonly slot: RunSlot,
    private readonly orchestrator: RunOrchestrator,
    private readonly phases: PhaseTransitions,
    private readonly logs: LogBook,
    private readonly log: RunLog,
  ) {}

  async cancel(options: CancelOptions): Promise<RunCancelled> {
    const run = await this.abortActiveRun();
    await this.slot.release(run.runId);
    await this.orchestrator.stop(run.runId, LOOP_STOP_TIMEOUT_MS);
    await this.queue.discardQueued();
    await this.waitForActiveJobs();
    // A driver in another process may have queued a last batch before it saw the abort.
    await this.queue.discardQueued();
    if (await this.queue.isPaused()) await this.queue.resume();
    if (options.purge) {
      await this.queue.removeInState('completed');
      await this.queue.removeInState('failed');
    }

    const tally = await this.orders.tally(run.runId);
    const pending = tally.vipPending + tally.normalPending;
    const removedPending = options.removePending ? await this.orders.deletePending(run.runId) : 0;
    // Orders never generated are those the database does not hold: `run` was read before the driver
    // stopped, and its last chunk may have landed since (counting it from `run.generated` counted it twice).
    const stored = tally.vipProcessed + tally.normalProcessed + tally.failed + pending;
    const cancelled = pending + Math.max(run.target - stored, 0);
    await this.runs.update(run.runId, {
      failed: tally.failed,
      cancelled,
      finishedAt: new Date(),
      processing: recountedWindows(run, tally, await this.counters.read(run.runId)),
    });
    await this.counters.delete(run.runId);
    if (options.resetLogs) await this.logs.clear();
    this.log.warn(
      `run ${run.runId} cancelled: ${tally.vipProcessed + tally.normalProcessed} processed, ${tally.failed} failed, ${pending} never processed${
        removedPending ? ` (${removedPending} deleted)` : ''
      }`,
    );
    return {
      runId: run.runId,
      phase: 'ABORTED',
      counts: { vip: tally.vipProcessed, normal: tally.normalProcessed, failed: tally.failed, cancelled, removedPending },
    };
  }

  private async abortActiveRun() {
    for (let attempt = 0; attempt < 5; attempt++) {
      const [run] = await this.runs.findActive();
      if (!run) throw new NoActiveRunError('cancel');
      if (await this.phases.move(run.runId, run.phase, 'ABORTED')) return run;
    }
    throw new NoActiveRunError('cancel');
  }

  private async waitForActiveJobs(): Promise<void> {
    const deadline = Date.now() + ACTIVE_JOBS_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const [vip, normal] = await Promise.all([this.queue.counts('VIP'), this.queue.counts('NORMAL')]);
      if (vip.active + normal.active === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.log.warn('cancel: jobs still active after 60 s; their orders are counted as they stand now');
  }
}
