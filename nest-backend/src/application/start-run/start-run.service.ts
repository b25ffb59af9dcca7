import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NothingToProcessError, QuantityOutOfRangeError, RunAlreadyActiveError } from '../../domain/errors';
import { RunStore } from '../../domain/ports/run-store.port';
import { RunSlot } from '../../domain/ports/run-slot.port';
import { newRun } from '../../domain/run';
import { Phase } from '../../domain/run-phase';
import { PhaseTransitions } from '../orchestrate-run/phase-transitions';
import { RunOrchestrator } from '../orchestrate-run/run-orchestrator.service';
import { PipelineSettings } from '../pipeline-settings';
import { RunLog } from '../run-log/run-log.service';

export interface RunStarted {
  runId: string;
  phase: Phase;
  target: number;
  autoProcess: boolean;
}

/** `POST /pedidos/generate` and `POST /pedidos/process`. */
@Injectable()
export class StartRunService {
  constructor(
    private readonly runs: RunStore,
    private readonly slot: RunSlot,
    private readonly orchestrator: RunOrchestrator,
    private readonly phases: PhaseTransitions,
    private readonly settings: PipelineSettings,
    private readonly log: RunLog,
  ) {}

  async generate(quantity: number, autoProcess: boolean): Promise<RunStarted> {
    if (quantity > this.settings.maxOrders) throw new QuantityOutOfRangeError(quantity, this.settings.maxOrders);
    const runId = randomUUID();
    const holder = await this.slot.claim(runId);
    if (holder !== null) {
      const active = await this.runs.findById(holder);
      throw new RunAlreadyActiveError(holder, active?.phase);
    }
    const run = newRun(runId, quantity, autoProcess, new Date(), this.settings.ordersPerJob);
    try {
      await this.runs.create(run);
    } catch (error) {
      await this.slot.release(runId);
      throw error;
    }
    await this.phases.announce(runId, 'IDLE', 'GENERATING');
    this.log.info(`run ${runId}: generating ${quantity} orders${autoProcess ? '' : ' (processing waits for POST /pedidos/process)'}`);
    await this.orchestrator.drive(runId);
    return { runId, phase: run.phase, target: quantity, autoProcess };
  }

  /** Moves on a run generated with `autoProcess=false`. */
  async process(): Promise<RunStarted> {
    const [run] = await this.runs.findActive();
    if (!run) throw new NothingToProcessError('no run is waiting; generate one with autoProcess=false first');
    if (!run.awaitingProcess) throw new RunAlreadyActiveError(run.runId, run.phase);
    if (!(await this.phases.move(run.runId, 'GENERATING', 'ENQUEUE_VIP', { awaitingProcess: false }))) {
      throw new RunAlreadyActiveError(run.runId, run.phase);
    }
    this.log.info(`run ${run.runId}: processing requested`);
    await this.orchestrator.drive(run.runId);
    return { runId: run.runId, phase: 'ENQUEUE_VIP', target: run.target, autoProcess: run.autoProcess };
  }
}
