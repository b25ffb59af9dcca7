import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { LOG_LEVELS } from '@pedidos/contract';
import { PHASES } from '../../../domain/run-phase';

// OpenAPI schemas of the run endpoints; their TypeScript twins are in @pedidos/contract (status.ts, commands.ts, logs.ts).
const count: SchemaObject = { type: 'integer', minimum: 0 };
const nullableMs: SchemaObject = { type: 'number', minimum: 0, nullable: true };
const instant: SchemaObject = { type: 'string', format: 'date-time' };
const nullableInstant: SchemaObject = { ...instant, nullable: true };
const phase: SchemaObject = { type: 'string', enum: [...PHASES] };
const rate: SchemaObject = { type: 'number', minimum: 0, description: 'orders per second' };

const PROCESSING_WINDOW: SchemaObject = {
  type: 'object',
  required: ['start', 'end', 'timeMs', 'count'],
  properties: { start: nullableInstant, end: nullableInstant, timeMs: nullableMs, count },
};

const RUN_FIGURES_PROPERTIES: Record<string, SchemaObject> = {
  phase,
  awaitingProcess: { type: 'boolean' },
  generationTimeMs: nullableMs,
  enqueueVipTimeMs: nullableMs,
  enqueueNormalTimeMs: nullableMs,
  processing: { type: 'object', required: ['vip', 'normal'], properties: { vip: PROCESSING_WINDOW, normal: PROCESSING_WINDOW } },
  totalTimeMs: nullableMs,
  counts: { type: 'object', required: ['vip', 'normal', 'failed', 'cancelled'], properties: { vip: count, normal: count, failed: count, cancelled: count } },
  throughput: { type: 'object', required: ['vip', 'normal', 'overall', 'current'], properties: { vip: rate, normal: rate, overall: rate, current: rate } },
  eta: { type: 'object', required: ['estimatedMs', 'progressPercent'], properties: { estimatedMs: nullableMs, progressPercent: { type: 'number', minimum: 0 } } },
  progress: {
    type: 'object',
    required: ['target', 'generated', 'processedTotal', 'vipTarget', 'normalTarget'],
    properties: { target: count, generated: count, processedTotal: count, vipTarget: count, normalTarget: count },
  },
};
const RUN_FIGURES_REQUIRED = Object.keys(RUN_FIGURES_PROPERTIES);

/** `GET /pedidos` (StatusSnapshot). */
export const STATUS_SNAPSHOT_SCHEMA: SchemaObject = {
  type: 'object',
  required: [...RUN_FIGURES_REQUIRED, 'lastRunId', 'updatedAt'],
  properties: { ...RUN_FIGURES_PROPERTIES, lastRunId: { type: 'string', format: 'uuid', nullable: true }, updatedAt: instant },
};

/** One run of `GET /pedidos/runs` and `GET /pedidos/runs/:runId` (RunSummary). */
export const RUN_SUMMARY_SCHEMA: SchemaObject = {
  type: 'object',
  required: [...RUN_FIGURES_REQUIRED, 'runId', 'target', 'generated', 'autoProcess', 'createdAt', 'finishedAt', 'errorReason'],
  properties: {
    ...RUN_FIGURES_PROPERTIES,
    runId: { type: 'string', format: 'uuid' },
    target: count,
    generated: count,
    autoProcess: { type: 'boolean' },
    createdAt: instant,
    finishedAt: nullableInstant,
    errorReason: { type: 'string', nullable: true },
  },
};

export const RUNS_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['items', 'page', 'limit', 'total'],
  properties: { items: { type: 'array', items: RUN_SUMMARY_SCHEMA }, page: count, limit: count, total: count },
};

/** `POST /pedidos/generate` and `POST /pedidos/process` (GenerateResult). */
export const GENERATE_RESULT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['runId', 'phase', 'target', 'autoProcess'],
  properties: { runId: { type: 'string', format: 'uuid' }, phase, target: count, autoProcess: { type: 'boolean' } },
};

/** `POST /pedidos/cancel` (CancelResult). */
export const CANCEL_RESULT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['runId', 'phase', 'counts'],
  properties: {
    runId: { type: 'string', format: 'uuid' },
    phase: { type: 'string', enum: ['ABORTED'] },
    counts: {
      type: 'object',
      required: ['vip', 'normal', 'failed', 'cancelled', 'removedPending'],
      properties: { vip: count, normal: count, failed: count, cancelled: count, removedPending: { ...count, description: 'pending orders deleted (removePending=true); 0 otherwise' } },
    },
  },
};

/** `POST /pedidos/reset` (ResetResult). */
export const RESET_RESULT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['deletedOrders', 'deletedRuns'],
  properties: { deletedOrders: count, deletedRuns: count },
};

/** `GET /pedidos/logs` (LogsBody). */
export const LOGS_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['lines'],
  properties: {
    lines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['at', 'level', 'source', 'message'],
        properties: { at: instant, level: { type: 'string', enum: [...LOG_LEVELS] }, source: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};
