import { DomainError } from '../errors';

/** The shared alert record could not be read, and this process does not evaluate alerts itself. */
export class AlertsUnavailableError extends DomainError {
  readonly code = 'ALERTS_UNAVAILABLE';
  constructor(detail: string) {
    super(`alerts cannot be read now (${detail}); the API process that evaluates them still delivers them`);
  }
}
