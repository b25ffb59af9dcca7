import { InteractionEvent } from '../interaction-event';

/** What became of each event of a written batch (indexes into the batch given). */
export interface BatchWrite {
  stored: number;
  /** Events whose eventId was already stored: done before, not a failure. */
  duplicates: number[];
  /** Events the database refused, with its reason. */
  rejected: { index: number; reason: string }[];
}

/** Where accepted events end up (`user_interactions`). */
export abstract class EventStore {
  /**
   * Writes a batch in one unordered bulk insert: every event that can be stored is, whatever happens to the
   * others. Throws only when the write as a whole failed (nothing can be said about any event).
   */
  abstract writeBatch(events: InteractionEvent[], batchId: string, storedAt: Date): Promise<BatchWrite>;
  abstract deleteAll(): Promise<number>;
}
