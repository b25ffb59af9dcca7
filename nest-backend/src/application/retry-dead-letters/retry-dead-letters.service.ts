import { Injectable } from '@nestjs/common';
import { NothingToProcessError, RunAlreadyActiveError } from '../../domain/errors';
import { DeadLetterPage, DeadLetterStore } from '../../domain/ports/dead-letter-store.port';
import { OrderStore } from '../../domain/ports/order-store.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { RunSlot } from '../../domain/ports/run-slot.port';
import { PhaseTransitions } from '../orchestrate-run/phase-transitions';
import { RunOrchestrator } from '../orchestrate-run/run-orchestrator.service';
import { RunLog } from '../run-log/run-log.service';

export interface DeadLettersRetried {
  runId: string;
  requeued: number;
}

/**
 * `POST /pedidos/dead-letters/retry`: the latest run's failed orders go back to pending and the run
 * reopens in WAITING_VIP_DRAIN; the drain checks queue them again (VIP first) and it ends DONE anew.
 */
@Injectable()
export class RetryDeadLettersService {
  constructor(
    private readonly runs: RunStore,
    private readonly orders: OrderStore,
    private readonly deadLetters: DeadLetterStore,
    private readonly counters: RunCounters,
    private readonly slot: RunSlot,
    private readonly phases: PhaseTransitions,
    private readonly orchestrator: RunOrchestrator,
    private readonly log: RunLog,
  ) {}

  list(page: number, limit: number, runId?: string): Promise<DeadLetterPage> {
    return this.deadLetters.listOpen(page, limit, runId);
  }

  async retry(): Promise<DeadLettersRetried> {
    const run = await this.runs.findLatest();
    if (!run || run.phase !== 'DONE' || run.failed === 0) {
      throw new NothingToProcessError('only a finished (DONE) latest run with failed orders can be retried');
    }
    const holder = await this.slot.claim(run.runId);
    if (holder !== null) throw new RunAlreadyActiveError(holder);
    // Reopen first: if anything below fails, the reopened run still drains and ends DONE with a recount.
    if (!(await this.phases.move(run.runId, 'DONE', 'WAITING_VIP_DRAIN', { failed: 0, finishedAt: null }))) {
      await this.slot.release(run.runId);
      throw new RunAlreadyActiveError(run.runId);
    }
    const requeued = await this.orders.resetFailed(run.runId);
    await this.counters.overwriteCounts(run.runId, { vipProcessed: run.processing.vip.count, normalProcessed: run.processing.normal.count, failed: 0 });
    await this.deadLetters.markRetried(run.runId, new Date());
    this.log.warn(`run ${run.runId}: retrying ${requeued} failed orders`);
    await this.orchestrator.drive(run.runId);
    return { runId: run.runId, requeued };
  }
}
