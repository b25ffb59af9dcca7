/** The kinds of user interaction the shop reports. */
export const EVENT_TYPES = ['view', 'search', 'add_to_cart', 'remove_from_cart', 'purchase', 'login', 'logout'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/** Free-form details of an event (product, category, price, any custom field), checked by the validation rules. */
export type EventData = Record<string, unknown>;

/**
 * One accepted user interaction. `eventId` is the idempotency key: the same id is stored once however often
 * it arrives. Dates are epoch milliseconds so the value travels through the queue unchanged.
 */
export interface InteractionEvent {
  eventId: string;
  userId: string;
  eventType: EventType;
  sessionId: string;
  eventData: EventData;
  occurredAt: number;
  receivedAt: number;
  /**
   * batchIds of earlier writes of this event that failed as a whole and so may have stored it uncounted
   * (see unconfirmed-writes.ts). Travels with the event through the queue; never stored on the document.
   */
  unconfirmedWrites?: string[];
}

/** A zero count for every event type, in the order of EVENT_TYPES. */
export function countsByType(): Record<EventType, number> {
  return Object.fromEntries(EVENT_TYPES.map((type) => [type, 0])) as Record<EventType, number>;
}
