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
   * others. Throws only when the write as a whole failed: then nothing can be said about any event (some of
   * them may be stored, under this batchId).
   */
  abstract writeBatch(events: InteractionEvent[], batchId: string, storedAt: Date): Promise<BatchWrite>;
  /**
   * Stamps `batchId` on the stored documents of `eventIds` that still bear one of `writeIds` (writes that failed
   * as a whole), and returns the eventIds whose documents this call stamped: each document is claimed once,
   * however many copies or re-deliveries of its event ask.
   */
  abstract claimUnconfirmed(eventIds: string[], writeIds: string[], batchId: string): Promise<Set<string>>;
  abstract deleteAll(): Promise<number>;
}
