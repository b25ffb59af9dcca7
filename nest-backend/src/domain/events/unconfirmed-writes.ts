import { InteractionEvent } from './interaction-event';
import { BatchWrite } from './ports/event-store.port';

/*
 * A batch write that fails as a whole (the connection dropped part-way through the insert) may still have stored
 * some of its events: the server wrote them, the answer never came, and nothing counted them. Each event of such a
 * write goes back to the queue carrying the write's batchId in `unconfirmedWrites`. When a later write of the event
 * hits a duplicate key and the document in place still bears one of those batchIds, the document is that event's
 * own uncounted earlier write — a store acknowledged late, not a client duplicate. The later batch claims it by
 * stamping its own batchId on it (a conditional update, so each document is claimed once, whoever asks) and counts
 * it as stored. No transaction is needed: a claim is one document's atomic update.
 */

/** The event as it goes back to the queue after the write `batchId` failed as a whole. */
export function withUnconfirmedWrite(event: InteractionEvent, batchId: string): InteractionEvent {
  return { ...event, unconfirmedWrites: [...(event.unconfirmedWrites ?? []), batchId] };
}

/** The duplicates of a write whose documents may be uncounted earlier writes of theirs, and those writes. */
export interface ClaimableDuplicates {
  eventIds: string[];
  /** Every batchId of a failed write that one of these events was part of. */
  writeIds: string[];
}

/**
 * What to claim after the write `write` of `events`: the duplicate events that carry unconfirmed writes, except
 * those whose eventId this same write stored (a second copy of an event in one batch is a plain duplicate).
 * Null when there is nothing to look up, which is the usual case: no database call then.
 */
export function claimableDuplicates(events: InteractionEvent[], write: BatchWrite): ClaimableDuplicates | null {
  const candidates = write.duplicates.filter((index) => events[index].unconfirmedWrites?.length);
  if (candidates.length === 0) return null;
  const notStoredHere = new Set([...write.duplicates, ...write.rejected.map(({ index }) => index)]);
  const storedHere = new Set(events.filter((_, index) => !notStoredHere.has(index)).map((event) => event.eventId));
  const eventIds = new Set<string>();
  const writeIds = new Set<string>();
  for (const index of candidates) {
    const event = events[index];
    if (storedHere.has(event.eventId)) continue;
    eventIds.add(event.eventId);
    for (const writeId of event.unconfirmedWrites ?? []) writeIds.add(writeId);
  }
  return eventIds.size === 0 ? null : { eventIds: [...eventIds], writeIds: [...writeIds] };
}

/** The duplicates of a write, told apart: stores acknowledged late (one per claimed eventId) and the rest. */
export interface SettledDuplicates {
  lateStored: number[];
  duplicates: number[];
}

/**
 * Splits the duplicate indexes of a write: the first event of each eventId in `claimed` is a late-acknowledged
 * store; every other duplicate (a client's second copy, a re-delivery of a counted write) stays a duplicate.
 */
export function settleDuplicates(events: InteractionEvent[], duplicates: number[], claimed: ReadonlySet<string>): SettledDuplicates {
  const counted = new Set<string>();
  const settled: SettledDuplicates = { lateStored: [], duplicates: [] };
  for (const index of duplicates) {
    const { eventId } = events[index];
    if (claimed.has(eventId) && !counted.has(eventId)) {
      counted.add(eventId);
      settled.lateStored.push(index);
    } else settled.duplicates.push(index);
  }
  return settled;
}
