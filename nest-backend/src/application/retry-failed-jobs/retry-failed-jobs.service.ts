import { Injectable } from '@nestjs/common';
import { NothingToProcessError } from '../../domain/errors';
import { Priority } from '../../domain/order';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { JobNotFailedError, JobNotFoundError } from '../../domain/retry-errors';
import { RetryFailedOrders } from '../retry-failed-orders/retry-failed-orders.service';

export interface FailedJobsRetried {
  runId: string;
  priority: Priority;
  /** Failed jobs taken out of the lane's failed list. */
  jobs: number;
  /** Their failed orders put back to pending. */
  requeued: number;
  /** Failed jobs of earlier runs, left as they are. */
  skipped: number;
}

/**
 * Retrying failed Bull jobs. A job fails for good after MAX_ATTEMPTS; what it leaves undone is its orders marked
 * `falhou` (a job of several orders was first split into one job per order, and those that still failed were
 * dead-lettered). So a retry puts the job's failed orders back to pending in its reopened run (RetryFailedOrders)
 * and takes the job out of the failed list; the orders are queued again as new jobs, VIP first.
 */
@Injectable()
export class RetryFailedJobsService {
  constructor(
    private readonly queue: WorkQueue,
    private readonly retryOrders: RetryFailedOrders,
  ) {}

  /** One failed job. A job whose orders were all processed since (its split-off jobs succeeded) just leaves the list. */
  async retryJob(priority: Priority, jobId: string): Promise<FailedJobsRetried> {
    const job = await this.queue.findJob(priority, jobId);
    if (!job) throw new JobNotFoundError(priority, jobId);
    if (job.state !== 'failed') throw new JobNotFailedError(jobId, job.state);
    const { runId, requeued } = await this.retryOrders.retry({ kind: 'slice', slice: job.slice }, job.slice.runId);
    const jobs = await this.queue.removeFailed(priority, [job.id]);
    return { runId, priority, jobs, requeued, skipped: 0 };
  }

  /**
   * Every failed job of the lane that belongs to the latest run, and every failed order of its priority (the lane
   * keeps only the last QUEUE_KEEP_FAILED_JOBS failed jobs; the orders they stood for are all retried).
   */
  async retryLane(priority: Priority): Promise<FailedJobsRetried> {
    const failed = await this.queue.failedJobs(priority);
    const { runId, requeued } = await this.retryOrders.retry({ kind: 'lane', priority });
    const ofRun = failed.filter((job) => job.slice.runId === runId).map((job) => job.id);
    if (requeued === 0 && ofRun.length === 0) throw new NothingToProcessError(`the ${priority} lane has no failed job or order of the latest run ${runId}`);
    const jobs = await this.queue.removeFailed(priority, ofRun);
    return { runId, priority, jobs, requeued, skipped: failed.length - ofRun.length };
  }
}
