import { DeadLetter } from '../dead-letter';
import { Order } from '../order';
import { FoundOrder, LanePlace, OrderFilters, OrderSortKey, SearchPosition } from '../order-search';

/** One page's worth of one run's orders. */
export interface RunOrdersQuery {
  runId: string;
  filters: OrderFilters;
  sortKey: OrderSortKey;
  /** Resume after this position (exclusive); null starts at the run's first order in that order. */
  after: SearchPosition | null;
  limit: number;
  /** Give up with OrderSearchTimeoutError after this long. */
  timeLimitMs: number;
}

/**
 * Reads orders for operators: searches, one order by id, and the facts of its story. Only reads, each within a
 * time limit (OrderSearchTimeoutError past it: a scanning server must not stay busy for minutes); each method
 * is one or two index-bounded queries on MongoDB (docs/order-search.md), and none touches the per-order path.
 */
export abstract class OrderSearch {
  /** Orders of one run matching the filters, in `sortKey` order, after `after`; at most `limit`. */
  abstract ordersOfRun(query: RunOrdersQuery): Promise<FoundOrder[]>;
  abstract findById(id: string, timeLimitMs: number): Promise<Order | null>;
  /** Where a processed order stands among the processed orders of its run and priority; OrderSearchTimeoutError past the limit. */
  abstract lanePlace(order: Order, timeLimitMs: number): Promise<LanePlace>;
  /** The order's latest dead letter, retried or not; null when it never failed for good. */
  abstract deadLetterOf(order: Order): Promise<DeadLetter | null>;
}
