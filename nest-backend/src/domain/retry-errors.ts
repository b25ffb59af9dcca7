import { DomainError } from './errors';

export class JobNotFoundError extends DomainError {
  readonly code = 'JOB_NOT_FOUND';
  constructor(lane: string, jobId: string) {
    super(`the ${lane} lane has no job ${jobId} (Bull keeps the last QUEUE_KEEP_FAILED_JOBS failed jobs of each lane)`);
  }
}

export class JobNotFailedError extends DomainError {
  readonly code = 'JOB_NOT_FAILED';
  constructor(jobId: string, state: string) {
    super(`job ${jobId} is ${state}, not failed; only failed jobs can be retried`);
  }
}

/** Some ids of a dead-letter selection have no open dead letter: nothing of the selection was retried. */
export class DeadLettersNotFoundError extends DomainError {
  readonly code = 'DEAD_LETTER_NOT_FOUND';
  constructor(readonly details: string[]) {
    super(`${details.length} of the selected orders have no dead letter waiting for a retry: ${details.slice(0, 5).join(', ')}${details.length > 5 ? ', …' : ''}`);
  }
}
