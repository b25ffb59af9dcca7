import { DomainError } from './errors';

export class OrderNotFoundError extends DomainError {
  readonly code = 'ORDER_NOT_FOUND';
  constructor(id: string) {
    super(`order ${id} does not exist`);
  }
}

/** Filters that contradict each other or cannot be read (a tier of the other priority, a range that ends before it starts). */
export class InvalidOrderFilterError extends DomainError {
  readonly code = 'INVALID_ORDER_FILTER';
}

/** The server took longer than the search's time limit (ORDER_SEARCH_TIMEOUT_MS): on FerretDB, which scans, a large collection. */
export class OrderSearchTimeoutError extends DomainError {
  readonly code = 'ORDER_SEARCH_TIMEOUT';
  constructor(limitMs: number) {
    super(`the search took longer than ${limitMs} ms (ORDER_SEARCH_TIMEOUT_MS) on this database server; narrow it (runId, status, a time range) or search on MongoDB with its indexes`);
  }
}

/** A cursor that was not made by this search: damaged, of other filters, or of a run that is gone. */
export class InvalidOrderCursorError extends DomainError {
  readonly code = 'INVALID_CURSOR';
  constructor(reason: string) {
    super(`cursor is not valid for this search: ${reason}; start again without a cursor`);
  }
}
