import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Job, JobOptions, Queue } from 'bull';
import { Priority } from '../../domain/order';
import { OrderSlice, sliceJobId } from '../../domain/order-slices';
import { JobCounts, JobState, LaneJob, QueuedJob, RemovableState, SliceGiveUpHandler, SliceHandler, WorkQueue } from '../../domain/ports/work-queue.port';
import { bullCleanStateOf, bullStateOf, jobCountsOf, jobStateOf } from './bull-job-states';
import { onFinalFailure } from './final-failure';
import { Environment } from '../config/environment';
import { NORMAL_QUEUE, VIP_QUEUE } from './queue-names';

const LANES: Priority[] = ['VIP', 'NORMAL'];
/** Jobs removed at once: each removal is one Bull script call. */
const REMOVE_BATCH = 100;

/**
 * Two Bull queues, one per priority. Strict VIP-first needs no Bull `priority` option (whose
 * LINSERT is O(backlog)): NORMAL slices are only queued once the VIP lane has drained.
 */
@Injectable()
export class BullWorkQueue extends WorkQueue {
  constructor(
    @InjectQueue(VIP_QUEUE) private readonly vip: Queue<OrderSlice>,
    @InjectQueue(NORMAL_QUEUE) private readonly normal: Queue<OrderSlice>,
    env: Environment,
  ) {
    super();
    // The last finished jobs stay for operators (Bull Board, GET /pedidos/queue/jobs); older ones are deleted as
    // new ones finish (in Bull's own finishing script), so each lane holds at most this many whatever the run's size.
    this.retention = { removeOnComplete: { count: env.QUEUE_KEEP_COMPLETED_JOBS }, removeOnFail: { count: env.QUEUE_KEEP_FAILED_JOBS } };
  }

  private readonly retention: Pick<JobOptions, 'removeOnComplete' | 'removeOnFail'>;

  async enqueue(slices: OrderSlice[], requeueTag?: string): Promise<void> {
    for (const priority of LANES) {
      const lane = slices.filter((slice) => slice.priority === priority);
      // A deterministic job id makes queueing the same slice twice (after a restart) a no-op while it waits.
      if (lane.length > 0) await this.lane(priority).addBulk(lane.map((slice) => ({ data: slice, opts: { jobId: sliceJobId(slice, requeueTag), ...this.retention } })));
    }
  }

  async counts(priority: Priority): Promise<JobCounts> {
    return jobCountsOf(await this.lane(priority).getJobCounts());
  }

  async unfinished(priority: Priority): Promise<number> {
    return this.lane(priority).getJobCountByTypes(['waiting', 'active', 'delayed', 'paused']);
  }

  async discardQueued(): Promise<number> {
    let removed = 0;
    for (const queue of this.queues()) {
      const before = jobCountsOf(await queue.getJobCounts());
      // empty() drops the delayed set but not the delayed jobs' hashes, so those are cleaned first.
      await queue.clean(0, 'delayed');
      await queue.empty();
      removed += before.pending + before.delayed + before.paused;
    }
    return removed;
  }

  async pause(): Promise<void> {
    await Promise.all(this.queues().map((queue) => queue.pause()));
  }

  async resume(): Promise<void> {
    await Promise.all(this.queues().map((queue) => queue.resume()));
  }

  async isPaused(): Promise<boolean> {
    const states = await Promise.all(this.queues().map((queue) => queue.isPaused()));
    return states.some(Boolean);
  }

  async removeInState(state: RemovableState): Promise<number> {
    let removed = 0;
    for (const queue of this.queues()) removed += (await queue.clean(0, bullCleanStateOf(state))).length;
    return removed;
  }

  async jobs(states: JobState[], start: number, end: number): Promise<{ jobs: QueuedJob[]; total: number }> {
    const found: QueuedJob[] = [];
    let offset = 0;
    for (const priority of LANES) {
      const queue = this.lane(priority);
      const counts = await this.counts(priority);
      for (const state of states) {
        const size = counts[state];
        const from = Math.max(start - offset, 0);
        const to = Math.min(end - offset, size - 1);
        if (from <= to) {
          const jobs = await queue.getJobs([bullStateOf(state)], from, to, true);
          found.push(...jobs.filter(Boolean).map((job) => toQueuedJob(job, priority, state)));
        }
        offset += size;
      }
    }
    return { jobs: found, total: offset };
  }

  async removeAll(): Promise<void> {
    for (const queue of this.queues()) {
      await queue.obliterate({ force: true });
      await queue.resume();
    }
  }

  async findJob(priority: Priority, id: string): Promise<LaneJob | null> {
    const job = await this.lane(priority).getJob(id);
    if (!job) return null;
    return { id: String(job.id), state: jobStateOf(await job.getState()) ?? 'unknown', slice: job.data };
  }

  async failedJobs(priority: Priority): Promise<LaneJob[]> {
    const jobs = await this.lane(priority).getFailed(0, -1);
    return jobs.filter(Boolean).map((job) => ({ id: String(job.id), state: 'failed', slice: job.data }));
  }

  async removeFailed(priority: Priority, ids: readonly string[]): Promise<number> {
    const queue = this.lane(priority);
    let removed = 0;
    for (let from = 0; from < ids.length; from += REMOVE_BATCH) {
      const outcomes = await Promise.all(
        ids.slice(from, from + REMOVE_BATCH).map(async (id) => {
          const job = await queue.getJob(id);
          if (!job || !(await job.isFailed())) return 0;
          await job.remove();
          return 1;
        }),
      );
      removed += outcomes.reduce<number>((sum, one) => sum + one, 0);
    }
    return removed;
  }

  async consume(concurrency: number, handle: SliceHandler, giveUp: SliceGiveUpHandler): Promise<void> {
    for (const queue of this.queues()) {
      queue.process(concurrency, (job: Job<OrderSlice>) => handle(job.data, { made: job.attemptsMade, max: job.opts.attempts ?? 1 }));
      onFinalFailure(queue, (job, reason) => void giveUp(job.data, reason));
    }
  }

  private lane(priority: Priority): Queue<OrderSlice> {
    return priority === 'VIP' ? this.vip : this.normal;
  }

  private queues(): Queue<OrderSlice>[] {
    return [this.vip, this.normal];
  }
}

function toQueuedJob(job: Job<OrderSlice>, priority: Priority, state: JobState): QueuedJob {
  const slice = job.data;
  return {
    id: String(job.id),
    queue: priority === 'VIP' ? 'vip' : 'normal',
    state,
    runId: slice.runId,
    priority: slice.priority,
    from: slice.from,
    to: slice.to,
    size: slice.to - slice.from,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? null,
    timestamp: job.timestamp,
    processedOn: job.processedOn ?? null,
    finishedOn: job.finishedOn ?? null,
  };
}
