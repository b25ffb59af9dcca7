import { DomainError } from '../errors';
import { FieldProblem } from './event-validation';

/** A body with invalid events; nothing of it was queued. `details` names each field (and the index, in a batch). */
export class EventValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly details: FieldProblem[]) {
    super(details.map((problem) => `${problem.index === undefined ? '' : `events[${problem.index}].`}${problem.field}: ${problem.message}`).join('; '));
  }
}

/** The queue did not confirm the events in time: the client gets no 202 and should retry with the same eventIds. */
export class EventQueueUnavailableError extends DomainError {
  readonly code = 'EVENT_QUEUE_UNAVAILABLE';
  constructor(detail: string) {
    super(`the events could not be queued (${detail}); retry with the same eventId`);
  }
}
