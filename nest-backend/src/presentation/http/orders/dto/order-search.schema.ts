import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PRIORITIES, TIERS } from '../../../../domain/order';
import { ORDER_STATUSES } from '../../../../domain/order-search';
import { PHASES } from '../../../../domain/run-phase';

const count: SchemaObject = { type: 'integer', minimum: 0 };
const nullableCount: SchemaObject = { type: 'integer', minimum: 0, nullable: true };
const instant: SchemaObject = { type: 'string', format: 'date-time' };
const nullableInstant: SchemaObject = { ...instant, nullable: true };

const ORDER_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'runId', 'cliente', 'valor', 'tier', 'priority', 'status', 'observacoes', 'createdAt', 'processedAt', 'attempts', 'seq', 'job'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    runId: { type: 'string', format: 'uuid' },
    cliente: { type: 'string' },
    valor: { type: 'number' },
    tier: { type: 'string', enum: [...TIERS] },
    priority: { type: 'string', enum: [...PRIORITIES] },
    status: { type: 'string', enum: [...ORDER_STATUSES] },
    observacoes: { type: 'string' },
    createdAt: instant,
    processedAt: { ...nullableInstant, description: 'when it was processed, or failed for good; null while pending' },
    attempts: { ...count, description: 'writes of a worker that processed it: 1 for every processed order' },
    seq: { ...count, description: 'its position among the orders of its run and priority' },
    job: { ...count, description: 'the key of the queue job that processes it: floor(seq / ordersPerJob)' },
    failureReason: { type: 'string', description: 'only on failed orders' },
  },
};

/** OpenAPI schema of `GET /pedidos/orders`; docs/api.md explains it. */
export const ORDER_SEARCH_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['items', 'nextCursor', 'limit', 'sortedBy'],
  properties: {
    items: { type: 'array', items: ORDER_SCHEMA },
    nextCursor: { type: 'string', nullable: true, description: 'pass it as `cursor` (with the same filters) for the next page; null on the last page' },
    limit: count,
    sortedBy: {
      type: 'string',
      enum: ['lane', 'cliente', 'createdAt'],
      description: 'within each run (runs come newest first): lane = by processedAt, pending first (the default); cliente = by name (with `cliente`); createdAt = by creation (with a createdAt range and no processedAt range)',
    },
  },
};

/** OpenAPI schema of `GET /pedidos/orders/:id`. */
export const ORDER_STORY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['order', 'run', 'job', 'lane', 'deadLetter'],
  properties: {
    order: ORDER_SCHEMA,
    run: {
      type: 'object',
      nullable: true,
      properties: { runId: { type: 'string', format: 'uuid' }, phase: { type: 'string', enum: [...PHASES] }, createdAt: instant, finishedAt: nullableInstant, ordersPerJob: count },
    },
    job: {
      type: 'object',
      description: 'the queue job of its slice: `id` is its job id in Bull (`<runId>:<priority>:<from>-<to>`), holding the orders with seq in [from, to)',
      properties: { key: count, id: { type: 'string', nullable: true }, from: nullableCount, to: nullableCount },
    },
    lane: {
      type: 'object',
      properties: {
        priority: { type: 'string', enum: [...PRIORITIES] },
        size: { ...nullableCount, description: 'orders of its run and priority' },
        processedBefore: { ...nullableCount, description: 'orders of its run and priority processed before it; null unless it is processed' },
        processedTogether: { ...nullableCount, description: 'orders of its run and priority processed by the same write (same processedAt), itself included' },
        countTimedOut: { type: 'boolean', description: 'true when the server could not count the place within ORDER_SEARCH_TIMEOUT_MS (the two counts are then null)' },
      },
    },
    deadLetter: {
      type: 'object',
      nullable: true,
      properties: { reason: { type: 'string' }, attempts: count, failedAt: instant, retriedAt: nullableInstant },
    },
  },
};
