import { EventDeadLetter } from '../event-dead-letter';

export interface EventDeadLetterPage {
  items: EventDeadLetter[];
  total: number;
}

/** Events the database refused on every attempt (`event_dead_letters`), one per eventId. */
export abstract class EventDeadLetterStore {
  /** Keeps the letters; an eventId already kept is not kept twice. Returns how many are new. */
  abstract record(letters: EventDeadLetter[]): Promise<number>;
  /** Newest first. */
  abstract list(page: number, limit: number): Promise<EventDeadLetterPage>;
  /** Up to `limit` letters, oldest first; only those of `eventIds` when given. */
  abstract take(limit: number, eventIds?: string[]): Promise<EventDeadLetter[]>;
  /** Removes the letters of these events; returns how many there were. */
  abstract remove(eventIds: string[]): Promise<number>;
  abstract deleteAll(): Promise<number>;
}
