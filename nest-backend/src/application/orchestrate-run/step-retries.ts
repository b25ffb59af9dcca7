/** Failures of a run's steps in a row before the run is declared in ERROR. */
export const STEP_RETRIES = 8;
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10_000;

/**
 * A passing fault (database or Redis restarting) is retried with backoff: 0.5 s, 1 s, 2 s … up to 10 s
 * between tries; a lasting one, STEP_RETRIES failures in a row, ends the run in ERROR.
 */
export class StepRetries {
  private failures = 0;

  /** Failures in a row so far. */
  get count(): number {
    return this.failures;
  }

  succeeded(): void {
    this.failures = 0;
  }

  /** Counts a failure; returns how long to wait before trying again, or null once the run should fail. */
  failed(): number | null {
    if (++this.failures >= STEP_RETRIES) return null;
    return Math.min(FIRST_BACKOFF_MS * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
  }
}
