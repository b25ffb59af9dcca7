import { Order, OrderStatus, Priority } from '../order';
import { OrderSlice } from '../order-slices';
import { RetryScope } from '../retry-scope';

export interface OrderTally {
  vipProcessed: number;
  normalProcessed: number;
  vipPending: number;
  normalPending: number;
  failed: number;
}

/** The tally of a run from a count of its orders by priority (null: both priorities) and status. */
export function tallyOf(count: (priority: Priority | null, status: OrderStatus) => number): OrderTally {
  return {
    vipProcessed: count('VIP', 'processado'),
    normalProcessed: count('NORMAL', 'processado'),
    vipPending: count('VIP', 'pendente'),
    normalPending: count('NORMAL', 'pendente'),
    failed: count(null, 'falhou'),
  };
}

/** Where orders live. Every method is one bulk database command, whatever the number of orders it touches. */
export abstract class OrderStore {
  abstract insertMany(orders: Order[]): Promise<void>;
  /** Removes the orders of a run whose `seq` is at or past the given marks: a chunk stored but never recorded in the run. */
  abstract deleteUnrecorded(runId: string, vipGenerated: number, normalGenerated: number): Promise<number>;
  /** Marks the still-pending orders of a slice processed; returns how many changed (0 when a re-run finds them done). */
  abstract markProcessed(slice: OrderSlice, processedAt: Date): Promise<number>;
  /** Marks the still-pending orders of a slice failed, with the reason; returns how many changed. */
  abstract markFailed(slice: OrderSlice, reason: string, failedAt: Date): Promise<number>;
  /** Ids and sequence numbers of the still-pending orders of a slice. */
  abstract pendingIn(slice: OrderSlice): Promise<{ id: string; seq: number }[]>;
  /** Puts the run's failed orders in `scope` back to pending (for a retry); returns how many. */
  abstract resetFailed(runId: string, scope: RetryScope): Promise<number>;
  /** How many of the run's orders in `scope` are failed. */
  abstract countFailed(runId: string, scope: RetryScope): Promise<number>;
  abstract tally(runId: string): Promise<OrderTally>;
  abstract countPending(runId: string, priority: Priority): Promise<number>;
  /** The job keys of the lowest `limit` pending orders of a run and priority, ascending, each once. */
  abstract pendingJobs(runId: string, priority: Priority, limit: number): Promise<number[]>;
  abstract deletePending(runId: string): Promise<number>;
  abstract deleteAll(): Promise<number>;
}
