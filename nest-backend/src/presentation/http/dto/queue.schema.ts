import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CLEANABLE_STATES, JOB_STATES, LANES, PHASES, PRIORITIES } from '@pedidos/contract';

// OpenAPI schemas of the queue endpoints; their TypeScript twins are in @pedidos/contract (queue.ts).
const count: SchemaObject = { type: 'integer', minimum: 0 };
const epochMs: SchemaObject = { type: 'integer', minimum: 0, description: 'ms since the epoch' };

const QUEUE_COUNTS: SchemaObject = {
  type: 'object',
  required: [...JOB_STATES],
  properties: Object.fromEntries(JOB_STATES.map((state) => [state, count])),
};

/** `GET /pedidos/queue/status`, and the answer of pause and resume (QueueStatus). */
export const QUEUE_STATUS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['paused', 'queues', 'totals'],
  properties: {
    paused: { type: 'boolean' },
    queues: { type: 'object', required: [...LANES], properties: Object.fromEntries(LANES.map((lane) => [lane, QUEUE_COUNTS])) },
    totals: QUEUE_COUNTS,
  },
};

/** `GET /pedidos/queue/jobs` (QueueJobsPage). */
export const QUEUE_JOBS_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['jobs', 'total'],
  properties: {
    jobs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'queue', 'state', 'runId', 'priority', 'from', 'to', 'size', 'attemptsMade', 'failedReason', 'timestamp', 'processedOn', 'finishedOn'],
        properties: {
          id: { type: 'string' },
          queue: { type: 'string', enum: [...LANES] },
          state: { type: 'string', enum: [...JOB_STATES] },
          runId: { type: 'string', format: 'uuid' },
          priority: { type: 'string', enum: [...PRIORITIES] },
          from: { ...count, description: 'the slice holds the orders with seq in [from, to)' },
          to: count,
          size: count,
          attemptsMade: count,
          failedReason: { type: 'string', nullable: true },
          timestamp: epochMs,
          processedOn: { ...epochMs, nullable: true },
          finishedOn: { ...epochMs, nullable: true },
        },
      },
    },
    total: count,
  },
};

/** `POST /pedidos/queue/clean` (CleanResult). */
export const CLEAN_RESULT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['state', 'removed'],
  properties: { state: { type: 'string', enum: [...CLEANABLE_STATES] }, removed: count },
};

/** `GET /pedidos/health/queue` (QueueHealth). */
export const QUEUE_HEALTH_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['status', 'reasons', 'phase', 'runId', 'paused', 'stuck', 'counts', 'lastProgressAt'],
  properties: {
    status: { type: 'string', enum: ['healthy', 'degraded', 'paused', 'aborted', 'error'] },
    reasons: { type: 'array', items: { type: 'string' } },
    phase: { type: 'string', enum: [...PHASES] },
    runId: { type: 'string', format: 'uuid', nullable: true },
    paused: { type: 'boolean' },
    stuck: { type: 'boolean' },
    counts: QUEUE_COUNTS,
    lastProgressAt: { type: 'string', format: 'date-time', nullable: true },
  },
};
