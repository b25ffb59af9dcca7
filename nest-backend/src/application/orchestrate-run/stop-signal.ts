import { RunSlot } from '../../domain/ports/run-slot.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { isActivePhase } from '../../domain/run-phase';

/** Thrown by a step to end the drive of a run without failing it: the run was cancelled, moved on elsewhere, or this process stops. */
export class RunStopped extends Error {}

/** How a step of one run asks, between chunks and batches, whether it should stop; both checks throw `RunStopped`. */
export class StopSignal {
  constructor(
    private readonly runId: string,
    /** A stop asked of this process: a local cancel, a phase event from another process, a lost lease, a shutdown. */
    private readonly requested: () => boolean,
    private readonly slot: RunSlot,
    private readonly runs: RunStore,
  ) {}

  throwIfStopped(): void {
    if (this.requested()) throw new RunStopped();
  }

  /**
   * Also stops when the run lost its slot to a cancel, which may have come through another API process
   * (a local stop request only covers this one). One Redis read while the run holds the slot.
   */
  async throwIfCancelled(): Promise<void> {
    this.throwIfStopped();
    if ((await this.slot.holder()) === this.runId) return;
    const current = await this.runs.findById(this.runId);
    if (!current || !isActivePhase(current.phase)) throw new RunStopped();
  }
}
