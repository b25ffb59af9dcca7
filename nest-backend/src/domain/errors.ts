/** Errors the domain and use cases raise; `code` is stable, and presentation maps codes to HTTP statuses in one place. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class IllegalPhaseTransitionError extends DomainError {
  readonly code = 'ILLEGAL_PHASE_TRANSITION';
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`a run cannot go from ${from} to ${to}`);
  }
}

export class RunAlreadyActiveError extends DomainError {
  readonly code = 'RUN_ALREADY_ACTIVE';
  constructor(readonly runId: string, phase?: string) {
    super(`a run is already active (run ${runId}${phase ? `, phase ${phase}` : ''}); cancel it or wait for it to finish`);
  }
}

export class NoActiveRunError extends DomainError {
  readonly code = 'NO_ACTIVE_RUN';
  constructor(action: string) {
    super(`no run is active, so there is nothing to ${action}`);
  }
}

export class NothingToProcessError extends DomainError {
  readonly code = 'NOTHING_TO_PROCESS';
  constructor(detail: string) {
    super(`nothing to process: ${detail}`);
  }
}

export class RunNotFoundError extends DomainError {
  readonly code = 'RUN_NOT_FOUND';
  constructor(runId: string) {
    super(`run ${runId} does not exist`);
  }
}

export class QueueStateNotCleanableError extends DomainError {
  readonly code = 'QUEUE_STATE_IN_USE';
  constructor(state: string) {
    super(`the '${state}' jobs belong to the active run; cancel the run instead of cleaning them`);
  }
}

export class QuantityOutOfRangeError extends DomainError {
  readonly code = 'QUANTITY_OUT_OF_RANGE';
  constructor(quantity: number, max: number) {
    super(`quantity must be between 1 and ${max} (MAX_ORDERS); got ${quantity}`);
  }
}
