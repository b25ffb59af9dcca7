import { EventType, InteractionEvent } from './interaction-event';

/** An event the database refused on every attempt, kept whole with the reason until it is retried. */
export interface EventDeadLetter {
  eventId: string;
  userId: string;
  eventType: EventType;
  sessionId: string;
  reason: string;
  attempts: number;
  failedAt: number;
  event: InteractionEvent;
}

export function deadLetterOf(event: InteractionEvent, reason: string, attempts: number, failedAt: number): EventDeadLetter {
  return { eventId: event.eventId, userId: event.userId, eventType: event.eventType, sessionId: event.sessionId, reason, attempts, failedAt, event };
}
