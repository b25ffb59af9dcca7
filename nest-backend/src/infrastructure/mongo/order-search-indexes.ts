import type { IndexDescription } from 'mongodb';
import { Schema } from 'mongoose';
import { OrderSchema } from './order.schema';

/**
 * The indexes only operators' searches use (docs/order-search.md has the query each one serves and its plan
 * on MongoDB 7). Each starts with `runId` but the id lookup's, as every query of a search names one run. They
 * cost on the write path — on MongoDB an entry per inserted order each, plus for `search_lane` one per processed
 * order (it holds `status` and `processedAt`); on FerretDB 1.24, which cannot use them, a rewrite of each per
 * processed order too — so ORDER_SEARCH_INDEXES can leave them out (searches then scan).
 */
export const ORDER_SEARCH_INDEXES: (IndexDescription & { name: string; key: Record<string, 1> })[] = [
  { name: 'search_id', key: { id: 1 } },
  { name: 'search_lane', key: { runId: 1, priority: 1, status: 1, processedAt: 1, _id: 1 } },
  { name: 'search_cliente', key: { runId: 1, cliente: 1, _id: 1 } },
  { name: 'search_created', key: { runId: 1, createdAt: 1, _id: 1 } },
];

/** The `orders` schema with the search indexes when they are wanted; the pipeline's own index is always there. */
export function orderSchemaFor(settings: { ORDER_SEARCH_INDEXES: boolean }): Schema {
  if (!settings.ORDER_SEARCH_INDEXES) return OrderSchema;
  const schema = OrderSchema.clone();
  for (const { key, name } of ORDER_SEARCH_INDEXES) schema.index(key, { name });
  return schema;
}
