/** Bounds on what one client request may hold; set from EVENTS_* variables (see environment.ts). */
export interface EventLimits {
  /** Events in one `POST /events/batch`. */
  maxBatch: number;
  /** Characters of `eventId`, `userId` and `sessionId`. */
  maxIdLength: number;
  /** Characters of any string inside `eventData`, and of any key. */
  maxStringLength: number;
  /** Levels of objects and arrays inside `eventData` (`eventData` itself is level 1). */
  maxDepth: number;
  /** Bytes of one event's `eventData` as JSON. */
  maxEventDataBytes: number;
}
