import { Injectable } from '@nestjs/common';
import { QueueStateNotCleanableError } from '../../domain/errors';
import { RunStore } from '../../domain/ports/run-store.port';
import { JOB_STATES, JobCounts, JobState, QueuedJob, RemovableState, WorkQueue } from '../../domain/ports/work-queue.port';
import { Phase, isActivePhase } from '../../domain/run-phase';
import { ReadStatusService } from '../read-status/read-status.service';
import { RunLog } from '../run-log/run-log.service';

export interface QueueStatus {
  paused: boolean;
  queues: { vip: JobCounts; normal: JobCounts };
  totals: JobCounts;
}

export type QueueHealthStatus = 'healthy' | 'degraded' | 'paused' | 'aborted' | 'error';

export interface QueueHealth {
  status: QueueHealthStatus;
  reasons: string[];
  phase: Phase;
  runId: string | null;
  paused: boolean;
  stuck: boolean;
  counts: JobCounts;
  lastProgressAt: string | null;
}

/** No progress for this long while work is queued and the queue is not paused counts as stuck. */
export const STUCK_AFTER_MS = 60_000;
/** Removing these while a run is active would drop the run's orders from the queue. */
const IN_USE_STATES: RemovableState[] = ['pending', 'paused', 'delayed'];

/** Operator controls and views of the work queue. */
@Injectable()
export class QueueAdminService {
  constructor(
    private readonly queue: WorkQueue,
    private readonly runs: RunStore,
    private readonly status: ReadStatusService,
    private readonly log: RunLog,
  ) {}

  async pause(): Promise<QueueStatus> {
    await this.queue.pause();
    this.log.warn('queue paused by an operator');
    return this.queueStatus();
  }

  async resume(): Promise<QueueStatus> {
    await this.queue.resume();
    this.log.info('queue resumed by an operator');
    return this.queueStatus();
  }

  async clean(state: RemovableState): Promise<{ state: RemovableState; removed: number }> {
    if (IN_USE_STATES.includes(state) && (await this.runs.findActive()).length > 0) throw new QueueStateNotCleanableError(state);
    const removed = await this.queue.removeInState(state);
    this.log.info(`queue: ${removed} ${state} jobs cleaned`);
    return { state, removed };
  }

  async queueStatus(): Promise<QueueStatus> {
    const [vip, normal, paused] = await Promise.all([this.queue.counts('VIP'), this.queue.counts('NORMAL'), this.queue.isPaused()]);
    const totals = Object.fromEntries(JOB_STATES.map((state) => [state, vip[state] + normal[state]])) as JobCounts;
    return { paused, queues: { vip, normal }, totals };
  }

  jobs(states: JobState[], start: number, end: number): Promise<{ jobs: QueuedJob[]; total: number }> {
    return this.queue.jobs(states, start, end);
  }

  async health(): Promise<QueueHealth> {
    const [queue, latest] = await Promise.all([this.queueStatus(), this.runs.findLatest()]);
    const phase = latest?.phase ?? 'IDLE';
    const active = isActivePhase(phase);
    let lastProgress: number | null = null;
    if (active) {
      await this.status.snapshot(); // samples the counters, which is how progress is noticed
      lastProgress = this.status.lastProgress();
    }
    const queued = queue.totals.pending + queue.totals.active + queue.totals.delayed + queue.totals.paused;
    const stuck = active && !queue.paused && queued > 0 && lastProgress !== null && Date.now() - lastProgress > STUCK_AFTER_MS;

    const reasons: string[] = [];
    let status: QueueHealthStatus = 'healthy';
    if (phase === 'ERROR') {
      status = 'error';
      reasons.push(`the last run ended in ERROR: ${latest?.errorReason ?? 'unknown reason'}`);
    } else if (phase === 'ABORTED') {
      status = 'aborted';
      reasons.push('the last run was cancelled');
    } else if (queue.paused) {
      status = 'paused';
      reasons.push('the queue is paused');
    }
    if (stuck) reasons.push(`no order processed for over ${STUCK_AFTER_MS / 1000} s while ${queued} jobs are queued`);
    if (queue.totals.failed > 0) reasons.push(`${queue.totals.failed} jobs failed`);
    if (status === 'healthy' && reasons.length > 0) status = 'degraded';

    return {
      status,
      reasons,
      phase,
      runId: latest?.runId ?? null,
      paused: queue.paused,
      stuck,
      counts: queue.totals,
      lastProgressAt: lastProgress === null ? null : new Date(lastProgress).toISOString(),
    };
  }
}
