/**
 * Backend settings for a run in which every order whose seq is a multiple of `every` fails each attempt (the
 * worker's FAIL_EVERY_SEQ_MULTIPLE_OF), with two quick attempts and small jobs, so failures and dead letters come
 * within seconds.
 */
export function poisonedOrderSettings(every: number): Record<string, string> {
  return { FAIL_EVERY_SEQ_MULTIPLE_OF: String(every), MAX_ATTEMPTS: '2', RETRY_BACKOFF_MS: '50', ORDERS_PER_JOB: '100', GENERATION_CHUNK_SIZE: '1000' };
}
