import { DeadLetter } from '../dead-letter';

export interface DeadLetterPage {
  items: DeadLetter[];
  total: number;
}

/** Where orders that failed for good are kept, with their reason. */
export abstract class DeadLetterStore {
  abstract record(letters: DeadLetter[]): Promise<void>;
  /** Dead letters not yet retried, newest first; of one run when `runId` is given. */
  abstract listOpen(page: number, limit: number, runId?: string): Promise<DeadLetterPage>;
  abstract markRetried(runId: string, at: Date): Promise<number>;
  abstract deleteAll(): Promise<number>;
}
