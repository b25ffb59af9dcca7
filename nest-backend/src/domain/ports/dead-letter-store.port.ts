import { DeadLetter } from '../dead-letter';
import { RetryScope } from '../retry-scope';

export interface DeadLetterPage {
  items: DeadLetter[];
  total: number;
}

/** Where orders that failed for good are kept, with their reason. */
export abstract class DeadLetterStore {
  abstract record(letters: DeadLetter[]): Promise<void>;
  /** Dead letters not yet retried, newest first; of one run when `runId` is given. */
  abstract listOpen(page: number, limit: number, runId?: string): Promise<DeadLetterPage>;
  /** Marks the run's open dead letters in `scope` retried; returns how many. */
  abstract markRetried(runId: string, scope: RetryScope, at: Date): Promise<number>;
  /** The run's open dead letters of these orders. */
  abstract findOpen(runId: string, orderIds: readonly string[]): Promise<DeadLetter[]>;
  abstract deleteAll(): Promise<number>;
}
