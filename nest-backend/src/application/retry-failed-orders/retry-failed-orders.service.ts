import { Injectable } from '@nestjs/common';
import { RunAlreadyActiveError } from '../../domain/errors';
import { jobSlices } from '../../domain/order-slices';
import { DeadLetterStore } from '../../domain/ports/dead-letter-store.port';
import { OrderStore } from '../../domain/ports/order-store.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { DriverLease, RunSlot } from '../../domain/ports/run-slot.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { RetryScope } from '../../domain/retry-scope';
import { ProcessRun } from '../../domain/run';
import { PhaseTransitions } from '../orchestrate-run/phase-transitions';
import { RunOrchestrator } from '../orchestrate-run/run-orchestrator.service';
import { RunLog } from '../run-log/run-log.service';
import { assertRetriable } from './retriable-run';

/**
 * How long a retry holds the run's driver lease while it puts orders back: no process may drive the reopened
 * run before its orders are pending again (a drain that looked first would find nothing and end it DONE).
 * Should the API die meanwhile, the lease lapses and another process adopts the run.
 */
const HOLD_LEASE_MS = 60_000;
/** A run that just reached DONE holds the slot and its driver lease a moment longer, until its loop lets go. */
const LET_GO_GRACE_MS = 2_000;
const LET_GO_POLL_MS = 50;
/** Pending VIP orders whose jobs a retry queues itself; the VIP drain's repair queues any beyond. */
const VIP_ORDERS_QUEUED_AT_ONCE = 100_000;

export interface OrdersRetried {
  runId: string;
  /** Orders put back to pending: how many the retry moved. */
  requeued: number;
}

/**
 * The one way failed orders are retried, whichever list the operator starts from (dead letters, failed jobs):
 * the latest run, once DONE, reopens in WAITING_VIP_DRAIN with the failed orders of the scope pending again.
 * Its VIP orders are queued at once; the NORMAL ones wait for the NORMAL drain to queue them, so none runs while
 * VIP orders of the run are still waiting. Workers touch only pending orders of a job key, so each order is
 * processed once in effect; the run's counts take the retried orders in and are exact again at DONE.
 */
@Injectable()
export class RetryFailedOrders {
  constructor(
    private readonly runs: RunStore,
    private readonly orders: OrderStore,
    private readonly deadLetters: DeadLetterStore,
    private readonly counters: RunCounters,
    private readonly slot: RunSlot,
    private readonly lease: DriverLease,
    private readonly phases: PhaseTransitions,
    private readonly orchestrator: RunOrchestrator,
    private readonly queue: WorkQueue,
    private readonly log: RunLog,
  ) {}

  /**
   * Retries the failed orders of `scope` in the latest run (which must be `runId` when given). Answers
   * `requeued: 0`, reopening nothing, when the scope holds no failed order.
   */
  async retry(scope: RetryScope, runId?: string): Promise<OrdersRetried> {
    const latest = await this.runs.findLatest();
    assertRetriable(latest, runId);
    const id = latest.runId;
    // The slot stops a generate, a reset and any other retry until the run is reopened (and then while it drains).
    await this.claimSlot(id);
    let leased = false;
    let reopened = false;
    let requeued = 0;
    try {
      leased = await this.holdLease(id);
      if (!leased) throw new RunAlreadyActiveError(id, 'DONE');
      // Read again now that nothing else can reopen it: a retry that finished in between changed its counts.
      const run = await this.runs.findLatest();
      assertRetriable(run, id);
      const failed = await this.orders.countFailed(id, scope);
      if (failed === 0) {
        // An open dead letter whose order is not failed is what a retry interrupted half-way leaves.
        await this.deadLetters.markRetried(id, scope, new Date());
        return { runId: id, requeued: 0 };
      }
      reopened = await this.phases.move(id, 'DONE', 'WAITING_VIP_DRAIN', { failed: Math.max(0, run.failed - failed), finishedAt: null });
      if (!reopened) throw new RunAlreadyActiveError(id);
      requeued = await this.orders.resetFailed(id, scope);
      await this.counters.overwriteCounts(id, { vipProcessed: run.processing.vip.count, normalProcessed: run.processing.normal.count, failed: Math.max(0, run.failed - requeued) });
      await this.deadLetters.markRetried(id, scope, new Date());
      if (mayHoldVip(scope)) await this.queueVipNow(run);
      this.log.warn(`run ${id}: retrying ${requeued} failed orders (${describeScope(scope)})`);
    } finally {
      if (leased) await this.lease.release(id);
      if (!reopened) await this.slot.release(id);
    }
    await this.orchestrator.drive(id);
    return { runId: id, requeued };
  }

  /** Takes the run slot; the run's own finishing loop may hold it a moment longer, another run means 409. */
  private async claimSlot(runId: string): Promise<void> {
    const deadline = Date.now() + LET_GO_GRACE_MS;
    for (;;) {
      const holder = await this.slot.claim(runId);
      if (holder === null) return;
      if (holder !== runId || Date.now() >= deadline) throw new RunAlreadyActiveError(holder);
      await sleep(LET_GO_POLL_MS);
    }
  }

  /** Holds the run's driver lease, waiting a moment for the loop that drove it to DONE to let go. */
  private async holdLease(runId: string): Promise<boolean> {
    const deadline = Date.now() + LET_GO_GRACE_MS;
    for (;;) {
      if (await this.lease.acquire(runId, HOLD_LEASE_MS)) return true;
      if (Date.now() >= deadline) return false;
      await sleep(LET_GO_POLL_MS);
    }
  }

  private async queueVipNow(run: ProcessRun): Promise<void> {
    try {
      const jobs = await this.orders.pendingJobs(run.runId, 'VIP', VIP_ORDERS_QUEUED_AT_ONCE);
      if (jobs.length > 0) await this.queue.enqueue(jobSlices(run.runId, 'VIP', jobs, run.ordersPerJob, run.vipGenerated), `retry-${Date.now()}`);
    } catch (error) {
      this.log.warn(`run ${run.runId}: the retried VIP orders could not be queued now (${(error as Error).message}); the VIP drain queues them`);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function mayHoldVip(scope: RetryScope): boolean {
  if (scope.kind === 'lane') return scope.priority === 'VIP';
  if (scope.kind === 'slice') return scope.slice.priority === 'VIP';
  return true;
}

function describeScope(scope: RetryScope): string {
  switch (scope.kind) {
    case 'run':
      return 'every failed order';
    case 'lane':
      return `the failed ${scope.priority} orders`;
    case 'slice':
      return `job ${scope.slice.priority} seq ${scope.slice.from}-${scope.slice.to - 1}`;
    case 'orders':
      return `${scope.orderIds.length} selected dead letters`;
  }
}
