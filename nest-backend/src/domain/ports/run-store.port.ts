import { ProcessRun } from '../run';
import { Phase } from '../run-phase';

export interface RunPage {
  items: ProcessRun[];
  total: number;
}

/** Durable record of runs (`process_runs`). Fast status reads use `LatestRunCopy` instead. */
export abstract class RunStore {
  abstract create(run: ProcessRun): Promise<void>;
  abstract update(runId: string, changes: Partial<ProcessRun>): Promise<void>;
  /** Moves a run from `from` to `to` only if it is still in `from`; returns false when it was not. */
  abstract transition(runId: string, from: Phase, to: Phase, changes?: Partial<ProcessRun>): Promise<boolean>;
  abstract findById(runId: string): Promise<ProcessRun | null>;
  abstract findLatest(): Promise<ProcessRun | null>;
  /** Runs in an active phase, oldest first (at most one unless something went wrong). */
  abstract findActive(): Promise<ProcessRun[]>;
  abstract list(page: number, limit: number): Promise<RunPage>;
  abstract deleteAll(): Promise<number>;
}
