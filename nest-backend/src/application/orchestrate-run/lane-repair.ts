import { Injectable } from '@nestjs/common';
import { Priority } from '../../domain/order';
import { jobSlices } from '../../domain/order-slices';
import { OrderStore } from '../../domain/ports/order-store.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { ProcessRun } from '../../domain/run';
import { RunLog } from '../run-log/run-log.service';

/** How long a lane stays idle with orders pending before those orders are queued again. */
export const REPAIR_AFTER_IDLE_MS = 2_000;
/** Pending jobs queued again by one repair at the most. */
const REPAIR_BATCH = 100_000;
/** Repairs in a row that leave as many orders pending before the run is declared in ERROR. */
export const MAX_FRUITLESS_REPAIRS = 5;

/**
 * What the drain knows of a lane with no job left but orders pending (its jobs were lost: Redis restart,
 * manual clean): since when it is idle, and whether the repairs so far got anywhere.
 */
export class IdleLane {
  private idleSince: number | null = null;
  private fruitlessRepairs = 0;
  private pendingAtLastRepair = Infinity;

  get idle(): boolean {
    return this.idleSince !== null;
  }

  /** The lane has jobs left: whatever is pending is on its way. */
  busy(): void {
    this.idleSince = null;
  }

  /** No job left and `pending` orders: true once the lane has stayed so for REPAIR_AFTER_IDLE_MS. */
  repairDue(now: number): boolean {
    if (this.idleSince === null) {
      this.idleSince = now;
      return false;
    }
    return now - this.idleSince >= REPAIR_AFTER_IDLE_MS;
  }

  /** Counts a repair of `pending` orders; throws when as many stayed pending over MAX_FRUITLESS_REPAIRS repairs in a row. */
  repairing(pending: number, priority: Priority): void {
    this.fruitlessRepairs = pending < this.pendingAtLastRepair ? 0 : this.fruitlessRepairs + 1;
    if (this.fruitlessRepairs >= MAX_FRUITLESS_REPAIRS) {
      throw new Error(`${pending} ${priority} orders stay pending although they were queued again ${MAX_FRUITLESS_REPAIRS} times`);
    }
    this.pendingAtLastRepair = pending;
    this.idleSince = null;
  }
}

/** Asks the queue and the database whether a lane drained, and queues again the jobs of orders a lane lost. */
@Injectable()
export class LaneRepair {
  constructor(
    private readonly queue: WorkQueue,
    private readonly orders: OrderStore,
    private readonly log: RunLog,
  ) {}

  /** Orders of the lane still pending once no job of it is left, or null while jobs are left. */
  async pendingWithIdleLane(runId: string, priority: Priority): Promise<number | null> {
    if ((await this.queue.unfinished(priority)) > 0) return null;
    return this.orders.countPending(runId, priority);
  }

  /** Queues the jobs of the lane's pending orders again, as new jobs (a repair tag), lowest first. */
  async requeuePending(run: ProcessRun, priority: Priority, pending: number): Promise<void> {
    const jobs = await this.orders.pendingJobs(run.runId, priority, REPAIR_BATCH);
    const generated = priority === 'VIP' ? run.vipGenerated : run.normalGenerated;
    this.log.warn(`run ${run.runId}: ${pending} ${priority} orders pending with no job left; queueing their ${jobs.length} jobs again`);
    await this.queue.enqueue(jobSlices(run.runId, priority, jobs, run.ordersPerJob, generated), `repair-${Date.now()}`);
  }
}
