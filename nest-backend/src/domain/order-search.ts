import { Order, OrderStatus, Priority, Tier, priorityOfTier } from './order';

export const ORDER_STATUSES: readonly OrderStatus[] = ['pendente', 'processado', 'falhou'];

/** An instant range: `from` inclusive, `to` exclusive; either end may be open. */
export interface TimeRange {
  from?: Date;
  to?: Date;
}

/** What an operator can look orders up by (`GET /pedidos/orders`). Every field narrows the result. */
export interface OrderFilters {
  runId?: string;
  tier?: Tier;
  priority?: Priority;
  status?: OrderStatus;
  /** The start of the customer's name, case-sensitive. */
  clientePrefix?: string;
  createdAt?: TimeRange;
  processedAt?: TimeRange;
}

/**
 * The order a search lists a run's orders in, chosen by its filters so that one index serves the
 * range it asks for: `cliente` by name, `createdAt` by creation, and `lane` (every other search) by
 * processing time within the lanes, pending orders (not processed yet) first.
 */
export type OrderSortKey = 'lane' | 'cliente' | 'createdAt';

export function sortKeyFor(filters: OrderFilters): OrderSortKey {
  if (filters.clientePrefix !== undefined) return 'cliente';
  if (filters.createdAt && !filters.processedAt) return 'createdAt';
  return 'lane';
}

/**
 * Where a listing of one run resumes: the sort key's value of the last order listed (a name, an ISO
 * instant, or null for an order not processed yet) and a tie-break the store keeps unique per order.
 */
export interface SearchPosition {
  key: string | null;
  tiebreak: string;
}

export interface FoundOrder {
  order: Order;
  position: SearchPosition;
}

/** How many orders of the same run and priority were processed before an order, and by the same write (itself included). */
export interface LanePlace {
  before: number;
  together: number;
}

/** The priorities a search can match: a tier has exactly one (DIAMANTE is VIP, every other tier NORMAL). */
export function prioritiesOf(filters: OrderFilters): Priority[] {
  if (filters.priority) return [filters.priority];
  if (filters.tier) return [priorityOfTier(filters.tier)];
  return ['VIP', 'NORMAL'];
}

export function statusesOf(filters: OrderFilters): OrderStatus[] {
  return filters.status ? [filters.status] : [...ORDER_STATUSES];
}
