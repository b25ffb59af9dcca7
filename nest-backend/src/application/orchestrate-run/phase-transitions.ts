import { Injectable } from '@nestjs/common';
import { RunEvents } from '../../domain/ports/run-events.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { Phase, assertTransition } from '../../domain/run-phase';
import { RunLog } from '../run-log/run-log.service';

/** The one way a run changes phase: checked against the phase table, compare-and-set in the store, announced. */
@Injectable()
export class PhaseTransitions {
  constructor(
    private readonly runs: RunStore,
    private readonly events: RunEvents,
    private readonly log: RunLog,
  ) {}

  /** Returns false when the run had already left `from` (another process moved it first). */
  async move(runId: string, from: Phase, to: Phase, changes: Partial<ProcessRun> = {}): Promise<boolean> {
    assertTransition(from, to);
    if (!(await this.runs.transition(runId, from, to, changes))) return false;
    await this.announce(runId, from, to);
    return true;
  }

  async announce(runId: string, previous: Phase, phase: Phase): Promise<void> {
    await this.events.publish({ type: 'phase', payload: { runId, phase, previous, at: new Date().toISOString() } });
    this.log.info(`run ${runId}: ${previous} -> ${phase}`);
  }
}
