/** Types of the event-intake contract (/work/events-contract.md, docs/api.md): what the dashboard reads and sends. */

export const EVENT_TYPES = ['view', 'search', 'add_to_cart', 'remove_from_cart', 'purchase', 'login', 'logout'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type CountsByType = Partial<Record<EventType, number>>;

/** One event as `POST /events` and `POST /events/batch` take it. */
export interface IntakeEvent {
  userId: string;
  eventType: EventType;
  sessionId: string;
  eventData?: Record<string, unknown>;
  eventId?: string;
  occurredAt?: string;
}

export interface BatchAccepted {
  message: string;
  status: 'accepted';
  accepted: number;
  eventIds: string[];
}

export interface StoredBatch {
  batchId: string;
  size: number;
  durationMs: number;
  storedAt: string;
  types: CountsByType;
}

export interface TimelinePoint {
  at: string;
  accepted: number;
  stored: number;
  /** Stored per type during this second (every type, 0 where none). */
  byType: Record<EventType, number>;
}

/** Body of `GET /events/metrics` and payload of the socket `events:metrics` event. */
export interface EventMetrics {
  accepted: number;
  stored: number;
  duplicates: number;
  deadLettered: number;
  inQueue: number;
  batches: {
    stored: number;
    current: { size: number; ageMs: number; limit: number; flushMs: number };
    sizeP50: number | null;
    sizeP99: number | null;
    writeMsP50: number | null;
    writeMsP99: number | null;
    /** Newest first, at most 20. */
    recent: StoredBatch[];
  };
  /** Stored per type since the last reset (every type, 0 where none). */
  byType: Record<EventType, number>;
  rates: { acceptedPerSec: number; storedPerSec: number; acceptedAvgPerSec: number; storedAvgPerSec: number };
  /** One point per second, oldest first, the last ≤ 300 s. */
  timeline: { intervalMs: number; points: TimelinePoint[] };
  since: string | null;
}

export interface DeadLetter {
  eventId: string;
  userId: string;
  eventType: string;
  sessionId: string;
  reason: string;
  attempts: number;
  failedAt: string;
  event: Record<string, unknown>;
}

export interface DeadLettersPage {
  items: DeadLetter[];
  total: number;
  page: number;
  limit: number;
}

export interface RetryResult {
  requeued: number;
}

export interface EventsResetResult {
  deletedEvents: number;
  deletedDeadLetters: number;
}
