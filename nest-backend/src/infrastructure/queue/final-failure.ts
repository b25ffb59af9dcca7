import type { Job, Queue } from 'bull';

/**
 * Calls `giveUp` once a job has failed its last attempt (Bull's `failed` event fires after every attempt).
 * Both queues hand such jobs to their dead-letter handling this way.
 */
export function onFinalFailure<T>(queue: Queue<T>, giveUp: (job: Job<T>, reason: string) => void): void {
  queue.on('failed', (job: Job<T>, error: Error) => {
    if (job.attemptsMade >= (job.opts.attempts ?? 1)) giveUp(job, error.message);
  });
}
