import { DeadLetter } from '../../domain/dead-letter';
import { Order } from '../../domain/order';
import { LanePlace } from '../../domain/order-search';
import { sliceJobId } from '../../domain/order-slices';
import { ProcessRun } from '../../domain/run';
import { Phase } from '../../domain/run-phase';
import { OrderView, toOrderView } from './order-view';

/** `GET /pedidos/orders/:id`: an order and what happened to it. */
export interface OrderStory {
  order: OrderView;
  /** Null only if the run's record is gone while its orders stayed (never in normal operation). */
  run: { runId: string; phase: Phase; createdAt: string; finishedAt: string | null; ordersPerJob: number } | null;
  /**
   * The queue job of its slice: `id` is the job's id in Bull (`<runId>:<priority>:<from>-<to>`, as Bull Board
   * shows it) and holds the orders with `seq` in [from, to). Orders queued again after a repair or split out
   * after failures ran under that id with a suffix (`:repair-…`, `:alone`).
   */
  job: { key: number; id: string | null; from: number | null; to: number | null };
  /**
   * Its place among the orders of its run and priority; `processedBefore` is null until it is processed, and
   * when the server could not count it within ORDER_SEARCH_TIMEOUT_MS (`countTimedOut`).
   */
  lane: { priority: Order['priority']; size: number | null; processedBefore: number | null; processedTogether: number | null; countTimedOut: boolean };
  deadLetter: { reason: string; attempts: number; failedAt: string; retriedAt: string | null } | null;
}

export function orderStory(order: Order, run: ProcessRun | null, place: LanePlace | 'timed out' | null, deadLetter: DeadLetter | null): OrderStory {
  const laneSize = run ? (order.priority === 'VIP' ? run.vipGenerated : run.normalGenerated) : null;
  const counted = place === 'timed out' ? null : place;
  return {
    order: toOrderView(order),
    run: run && {
      runId: run.runId,
      phase: run.phase,
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      ordersPerJob: run.ordersPerJob,
    },
    job: jobOf(order, run, laneSize),
    lane: {
      priority: order.priority,
      size: laneSize,
      processedBefore: counted?.before ?? null,
      processedTogether: counted?.together ?? null,
      countTimedOut: place === 'timed out',
    },
    deadLetter: deadLetter && {
      reason: deadLetter.reason,
      attempts: deadLetter.attempts,
      failedAt: deadLetter.failedAt.toISOString(),
      retriedAt: deadLetter.retriedAt?.toISOString() ?? null,
    },
  };
}

/** The job is whole: the orchestrator queues a lane's slices at job boundaries (sliceRange), the last one up to the lane's end. */
function jobOf(order: Order, run: ProcessRun | null, laneSize: number | null): OrderStory['job'] {
  if (!run || laneSize === null) return { key: order.job, id: null, from: null, to: null };
  const from = order.job * run.ordersPerJob;
  const to = Math.min(from + run.ordersPerJob, Math.max(laneSize, order.seq + 1));
  return { key: order.job, id: sliceJobId({ runId: order.runId, priority: order.priority, job: order.job, from, to }), from, to };
}
