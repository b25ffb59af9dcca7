import { Injectable } from '@nestjs/common';
import { RunSlot } from '../../domain/ports/run-slot.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { Phase } from '../../domain/run-phase';
import { RunLog } from '../run-log/run-log.service';
import { GenerationPipeline } from './generation-pipeline';
import { LaneDrain } from './lane-drain';
import { LaneEnqueue } from './lane-enqueue';
import { PhaseTransitions } from './phase-transitions';
import { RunStopped, StopSignal } from './stop-signal';

/**
 * The order of a run's steps, and what guarantees VIP first: NORMAL orders are handed to the queue only
 * once the VIP lane has drained (no VIP job left, no VIP order pending), so no NORMAL order is processed
 * before the last VIP one. Each call does the work of the run's current phase and moves it to the next.
 */
@Injectable()
export class VipFirstSequence {
  constructor(
    private readonly generation: GenerationPipeline,
    private readonly enqueue: LaneEnqueue,
    private readonly drain: LaneDrain,
    private readonly phases: PhaseTransitions,
    private readonly runs: RunStore,
    private readonly slot: RunSlot,
    private readonly log: RunLog,
  ) {}

  /** Throws `RunStopped` when the run left its phase elsewhere (a cancel) before this step could move it on. */
  async advance(run: ProcessRun, stop: StopSignal): Promise<void> {
    switch (run.phase) {
      case 'GENERATING':
        return this.generate(run, stop);
      case 'ENQUEUE_VIP':
        await this.enqueue.enqueueRest(run, 'VIP', stop);
        return this.moveOn(run, 'WAITING_VIP_DRAIN');
      case 'WAITING_VIP_DRAIN':
        return this.moveOn(run, 'ENQUEUE_NORMAL', await this.drain.drain(run, 'VIP', stop));
      case 'ENQUEUE_NORMAL':
        await this.enqueue.enqueueRest(run, 'NORMAL', stop);
        return this.moveOn(run, 'WAITING_NORMAL_DRAIN');
      case 'WAITING_NORMAL_DRAIN':
        return this.finish(run, await this.drain.drain(run, 'NORMAL', stop));
      default:
        return;
    }
  }

  /** A one-step run goes on to queue its VIP orders; a two-step one waits for `POST /pedidos/process`. */
  private async generate(run: ProcessRun, stop: StopSignal): Promise<void> {
    const generationEndedAt = await this.generation.generate(run, stop);
    if (run.autoProcess) return this.moveOn(run, 'ENQUEUE_VIP', { generationEndedAt });
    await this.runs.update(run.runId, { generationEndedAt, awaitingProcess: true });
    this.log.info(`run ${run.runId} waits for POST /pedidos/process`);
  }

  private async finish(run: ProcessRun, figures: Partial<ProcessRun>): Promise<void> {
    const finishedAt = new Date();
    await this.moveOn(run, 'DONE', { ...figures, finishedAt });
    await this.slot.release(run.runId);
    this.log.info(`run ${run.runId} DONE in ${finishedAt.getTime() - run.createdAt.getTime()} ms`);
  }

  private async moveOn(run: ProcessRun, to: Phase, changes: Partial<ProcessRun> = {}): Promise<void> {
    if (!(await this.phases.move(run.runId, run.phase, to, changes))) throw new RunStopped(`run ${run.runId} left ${run.phase} elsewhere`);
  }
}
