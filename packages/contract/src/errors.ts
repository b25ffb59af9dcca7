/** Stable `code`s of the error body; each always leaves with the same HTTP status. */
export const ERROR_CODES = [
  'RUN_ALREADY_ACTIVE',
  'NO_ACTIVE_RUN',
  'NOTHING_TO_PROCESS',
  'QUEUE_STATE_IN_USE',
  'ILLEGAL_PHASE_TRANSITION',
  'RUN_NOT_FOUND',
  'JOB_NOT_FOUND',
  'JOB_NOT_FAILED',
  'DEAD_LETTER_NOT_FOUND',
  'ORDER_NOT_FOUND',
  'INVALID_ORDER_FILTER',
  'INVALID_CURSOR',
  'ORDER_SEARCH_TIMEOUT',
  'QUANTITY_OUT_OF_RANGE',
  'VALIDATION_FAILED',
  'EVENT_QUEUE_UNAVAILABLE',
  'ALERTS_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The one error body every endpoint returns. Besides ERROR_CODES, `code` may be the HTTP status name
 * (`NOT_FOUND`, `UNAUTHORIZED`, `TOO_MANY_REQUESTS`, `PAYLOAD_TOO_LARGE`, `MALFORMED_BODY`, `INTERNAL_ERROR`, …).
 */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode | (string & {});
  message: string;
  /** Messages of the failed checks; for event bodies `{ index?, field, message }` objects. */
  details?: unknown[];
  path: string;
  timestamp: string;
}
