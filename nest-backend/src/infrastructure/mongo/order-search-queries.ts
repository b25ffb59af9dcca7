import { Filter, ObjectId } from 'mongodb';
import { Order } from '../../domain/order';
import { OrderFilters, OrderSortKey, SearchPosition, TimeRange, prioritiesOf, statusesOf } from '../../domain/order-search';
import { InvalidOrderCursorError } from '../../domain/order-search-errors';
import { RunOrdersQuery } from '../../domain/ports/order-search.port';

export type StoredOrder = Order & { _id: ObjectId; failureReason?: string };

/** One `find` of a search, with the index meant to serve it on MongoDB (docs/order-search.md). */
export interface SearchFind {
  filter: Filter<StoredOrder>;
  sort: Record<string, 1>;
  limit: number;
  index: string;
}

/** The field each listing is sorted by (then `_id`), and the index that holds `runId`, that field and `_id` in that order. */
const SORT_FIELD: Record<OrderSortKey, 'processedAt' | 'cliente' | 'createdAt'> = { lane: 'processedAt', cliente: 'cliente', createdAt: 'createdAt' };
const SORT_INDEX: Record<OrderSortKey, string> = { lane: 'search_lane', cliente: 'search_cliente', createdAt: 'search_created' };
/** Below every processedAt there is (all are after 1970): "any processed instant", as a range an index can bound. */
const ANY_INSTANT = new Date(0);

/**
 * The finds that read one page of one run. Without a position, one. After a position, the keyset is
 * read as two plain ranges instead of one `$or`, so each is a single bounded scan of the index: first
 * the rest of the orders that share the position's key (by `_id`), then the orders past that key.
 */
export function runOrdersFinds({ runId, filters, sortKey, after, limit }: Omit<RunOrdersQuery, 'timeLimitMs'>): SearchFind[] {
  const base = baseFilter(runId, filters, sortKey);
  const field = SORT_FIELD[sortKey];
  const index = SORT_INDEX[sortKey];
  const sort = { [field]: 1, _id: 1 } as Record<string, 1>;
  if (!after) return [{ filter: base, sort, limit, index }];
  const key = keyValue(sortKey, after.key);
  const ties: SearchFind = { filter: { ...base, [field]: key, _id: { $gt: tiebreakOf(after) } }, sort: { _id: 1 }, limit, index };
  const past: SearchFind = { filter: { ...base, [field]: pastKey(base[field], key) }, sort, limit, index };
  return [ties, past];
}

/** The orders of the same run and priority processed before `order`, and at the same instant (one write: its slice). */
export function lanePlaceFilters(order: Order): { before: Filter<StoredOrder>; together: Filter<StoredOrder>; index: string } {
  const lane = { runId: order.runId, priority: order.priority, status: 'processado' as const };
  return { before: { ...lane, processedAt: { $lt: order.processedAt! } }, together: { ...lane, processedAt: order.processedAt }, index: 'search_lane' };
}

export function byIdFilter(id: string): { filter: Filter<StoredOrder>; index: string } {
  return { filter: { id }, index: 'search_id' };
}

/** Where the found order stands in its listing. */
export function positionOf(order: StoredOrder, sortKey: OrderSortKey): SearchPosition {
  const key = sortKey === 'cliente' ? order.cliente : sortKey === 'createdAt' ? order.createdAt.toISOString() : (order.processedAt?.toISOString() ?? null);
  return { key, tiebreak: order._id.toHexString() };
}

/**
 * Equality on the index's prefix, then the sort field's range. In the lane listing, priority and status
 * are always named (`$in` of every value when not filtered), so MongoDB merges one scan per pair by
 * processedAt instead of sorting. One value is named by equality, which MongoDB bounds the same way and
 * FerretDB hands to PostgreSQL (it keeps `$in` for itself). Filters the chosen index does not hold are
 * checked on the documents.
 */
function baseFilter(runId: string, filters: OrderFilters, sortKey: OrderSortKey): Filter<StoredOrder> {
  const filter: Record<string, unknown> = { runId };
  const priorities = prioritiesOf(filters);
  if (sortKey === 'lane') {
    filter.priority = oneOrAny(priorities);
    filter.status = oneOrAny(statusesOf(filters));
  } else {
    if (priorities.length === 1) filter.priority = priorities[0];
    if (filters.status) filter.status = filters.status;
  }
  if (filters.tier) filter.tier = filters.tier;
  if (filters.clientePrefix !== undefined) filter.cliente = { $regex: `^${escapeRegex(filters.clientePrefix)}` };
  if (filters.createdAt) filter.createdAt = rangeOf(filters.createdAt);
  if (filters.processedAt) filter.processedAt = rangeOf(filters.processedAt);
  return filter as Filter<StoredOrder>;
}

const oneOrAny = <T>(values: T[]): T | { $in: T[] } => (values.length === 1 ? values[0] : { $in: values });

function rangeOf(range: TimeRange): Record<string, Date> {
  return { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lt: range.to } : {}) };
}

/** The field's condition past the position's key, kept within the filter's own range or prefix. */
function pastKey(condition: unknown, key: string | Date | null): Record<string, unknown> {
  const own = condition && typeof condition === 'object' ? (condition as Record<string, unknown>) : {};
  if (key !== null) return { ...own, $gt: key };
  // Past the pending orders (processedAt null, first in the listing) come the processed ones.
  return '$gte' in own ? own : { ...own, $gte: ANY_INSTANT };
}

function keyValue(sortKey: OrderSortKey, key: string | null): string | Date | null {
  if (sortKey === 'cliente') return key;
  return key === null ? null : new Date(key);
}

function tiebreakOf(position: SearchPosition): ObjectId {
  if (!/^[0-9a-f]{24}$/.test(position.tiebreak)) throw new InvalidOrderCursorError('its position is damaged');
  return new ObjectId(position.tiebreak);
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
