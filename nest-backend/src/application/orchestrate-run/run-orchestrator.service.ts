import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RunEvents } from '../../domain/ports/run-events.port';
import { isActivePhase } from '../../domain/run-phase';
import { PipelineSettings } from '../pipeline-settings';
import { LeaseKeeper } from './lease-keeper';
import { ResumeOrphanedRuns } from './resume-orphaned-runs';
import { RunDriver } from './run-driver';
import { sleep } from './sleep';

/** How often a stop waits for the driver in another process to let go of the run. */
const STOP_POLL_MS = 50;

/**
 * Drives runs through their phases. It runs in API processes, never on the work queue, so the
 * queue drains for real; a lease in Redis makes one process drive a run and lets another adopt
 * it when that process dies. The steps are `VipFirstSequence`'s; `RunDriver` runs them with retries.
 */
@Injectable()
export class RunOrchestrator implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly driving = new Map<string, Promise<void>>();
  private readonly stopRequests = new Set<string>();
  private stopResuming: (() => void) | undefined;
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly lease: LeaseKeeper,
    private readonly driver: RunDriver,
    private readonly orphans: ResumeOrphanedRuns,
    private readonly events: RunEvents,
    private readonly settings: PipelineSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.orchestrate) return;
    // A cancel may come through another API process: its phase event stops the loop here at the next step.
    this.stopListening = this.events.subscribe((event) => {
      if (event.type === 'phase' && !isActivePhase(event.payload.phase) && this.driving.has(event.payload.runId)) this.stopRequests.add(event.payload.runId);
    });
    this.stopResuming = this.orphans.watch(
      (runId) => this.driving.has(runId),
      (runId) => this.startDriving(runId),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopResuming?.();
    this.stopListening?.();
    for (const runId of this.driving.keys()) this.stopRequests.add(runId);
    await Promise.allSettled(this.driving.values());
  }

  /** Starts driving a run this process just created or unblocked. */
  async drive(runId: string): Promise<void> {
    if (this.driving.has(runId)) return;
    if (await this.lease.acquire(runId)) this.startDriving(runId);
  }

  /**
   * Waits (bounded) until no process drives the run, e.g. on cancel once the run left its active phases: a loop
   * here is asked to stop; one in another process stops on hearing the phase change (or at its next step),
   * and one in a process that died lets go when its lease lapses. Nothing it had in flight lands afterwards.
   */
  async stop(runId: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const loop = this.driving.get(runId);
    if (loop) {
      this.stopRequests.add(runId);
      await Promise.race([loop, sleep(timeoutMs)]);
    }
    while (Date.now() < deadline && (await this.lease.isHeld(runId))) await sleep(STOP_POLL_MS);
  }

  /** The runs this process drives now. */
  drivenRunIds(): string[] {
    return [...this.driving.keys()];
  }

  /** With the lease held: drives the run while renewing the lease, and lets go of it when the drive ends. */
  private startDriving(runId: string): void {
    this.stopRequests.delete(runId);
    const stopRenewing = this.lease.keepRenewing(runId, () => this.stopRequests.add(runId));
    const loop = this.driver
      .drive(runId, () => this.stopRequests.has(runId))
      .finally(() => {
        stopRenewing();
        this.driving.delete(runId);
        this.stopRequests.delete(runId);
        return this.lease.release(runId);
      });
    this.driving.set(runId, loop);
  }
}
