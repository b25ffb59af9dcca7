import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { LANES, PHASES, PRIORITIES } from '@pedidos/contract';

// OpenAPI schemas of the server profile, process metrics, run reports and retries; their TypeScript twins are in
// @pedidos/contract (status.ts, retry.ts, run-report.ts) and infrastructure/metrics/process-metrics.ts.
const count: SchemaObject = { type: 'integer', minimum: 0 };
const megabytes: SchemaObject = { type: 'number', minimum: 0, description: 'MB' };
const milliseconds: SchemaObject = { type: 'number', minimum: 0, description: 'ms' };
const instant: SchemaObject = { type: 'string', format: 'date-time' };
const nullableInstant: SchemaObject = { ...instant, nullable: true };
const nullableMs: SchemaObject = { type: 'number', minimum: 0, nullable: true };
const rate: SchemaObject = { type: 'number', minimum: 0, description: 'orders per second' };
const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const objectOf = (properties: Record<string, SchemaObject>, nullable = false): SchemaObject => ({
  type: 'object',
  ...(nullable && { nullable }),
  required: Object.keys(properties),
  properties,
});
const countsOf = (...names: string[]): SchemaObject => objectOf(Object.fromEntries(names.map((name) => [name, count])));

/** `GET /pedidos/server` (ServerProfile). */
export const SERVER_PROFILE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['server', 'processingRate'],
  properties: {
    server: {
      type: 'object',
      required: ['kind', 'version'],
      properties: { kind: { type: 'string', enum: ['mongodb', 'ferretdb'] }, version: { type: 'string', nullable: true } },
    },
    processingRate: {
      type: 'object',
      nullable: true,
      required: ['ordersPerSecond', 'runs', 'orders'],
      properties: { ordersPerSecond: { type: 'number', minimum: 0 }, runs: count, orders: count },
    },
  },
};

/** `GET /pedidos/metrics/process` (ProcessMetricsSnapshot). */
export const PROCESS_METRICS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['pid', 'process', 'at', 'uptimeMs', 'cpuMs', 'memoryMb', 'eventLoopDelayMs', 'mongoCommands'],
  properties: {
    pid: count,
    process: { type: 'string', description: 'api, or worker-<n>' },
    at: instant,
    uptimeMs: count,
    cpuMs: { type: 'object', required: ['user', 'system'], properties: { user: count, system: count } },
    memoryMb: {
      type: 'object',
      required: ['rss', 'peakRss', 'heapTotal', 'heapUsed', 'external'],
      properties: { rss: megabytes, peakRss: megabytes, heapTotal: megabytes, heapUsed: megabytes, external: megabytes },
    },
    eventLoopDelayMs: {
      type: 'object',
      required: ['p50', 'p99', 'max', 'samples', 'since'],
      properties: { p50: milliseconds, p99: milliseconds, max: milliseconds, samples: count, since: instant },
    },
    mongoCommands: {
      type: 'object',
      nullable: true,
      description: 'null unless MONGO_MONITOR_COMMANDS=true',
      required: ['total', 'byName'],
      properties: { total: count, byName: { type: 'object', additionalProperties: count } },
    },
  },
};

/** `GET /pedidos/dead-letters` (OrderDeadLettersPage). */
export const ORDER_DEAD_LETTERS_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['items', 'total', 'page', 'limit'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['runId', 'orderId', 'priority', 'seq', 'reason', 'attempts', 'failedAt', 'retriedAt'],
        properties: {
          runId: { type: 'string', format: 'uuid' },
          orderId: { type: 'string', format: 'uuid' },
          priority: { type: 'string', enum: [...PRIORITIES] },
          seq: count,
          reason: { type: 'string' },
          attempts: count,
          failedAt: instant,
          retriedAt: { ...instant, nullable: true },
        },
      },
    },
    total: count,
    page: { type: 'integer', minimum: 1 },
    limit: { type: 'integer', minimum: 1 },
  },
};

/** `GET /metrics`: Prometheus' text format. */
export const PROMETHEUS_TEXT_SCHEMA: SchemaObject = { type: 'string', description: 'Prometheus text exposition format 0.0.4' };

/** `POST /pedidos/dead-letters/retry` (DeadLettersRetried). */
export const DEAD_LETTERS_RETRIED_SCHEMA: SchemaObject = objectOf({ runId: uuid, requeued: { ...count, description: 'orders pending again' } });

/** `POST /pedidos/queue/failed/retry` and `.../{lane}/{jobId}/retry` (FailedJobsRetried). */
export const FAILED_JOBS_RETRIED_SCHEMA: SchemaObject = objectOf({
  runId: uuid,
  lane: { type: 'string', enum: [...LANES] },
  jobs: { ...count, description: 'failed jobs taken out of the lane' },
  requeued: { ...count, description: 'their failed orders, pending again' },
  skipped: { ...count, description: 'failed jobs of earlier runs, left as they are' },
});

const REPORT_WINDOW = objectOf({ start: nullableInstant, end: nullableInstant, timeMs: nullableMs });

/** `GET /pedidos/runs/{runId}/report` (RunReport). */
export const RUN_REPORT_SCHEMA: SchemaObject = objectOf({
  runId: uuid,
  phase: { type: 'string', enum: [...PHASES] },
  errorReason: { type: 'string', nullable: true },
  createdAt: instant,
  finishedAt: nullableInstant,
  reportedAt: { ...instant, description: "when this report was made; a running run's figures are as of then" },
  settings: objectOf({ target: count, autoProcess: { type: 'boolean' }, ordersPerJob: count }),
  timings: objectOf({
    generationStartedAt: nullableInstant,
    generationEndedAt: nullableInstant,
    generationTimeMs: nullableMs,
    enqueueVipTimeMs: nullableMs,
    enqueueNormalTimeMs: nullableMs,
    vip: REPORT_WINDOW,
    normal: REPORT_WINDOW,
    totalTimeMs: nullableMs,
  }),
  counts: countsOf('generated', 'vipGenerated', 'normalGenerated', 'vipProcessed', 'normalProcessed', 'failed', 'cancelled'),
  throughput: objectOf({ vip: rate, normal: rate, overall: rate }),
  series: objectOf({
    recorded: { type: 'boolean', description: 'false for a run that ran before series were kept: its points are then its start and end only' },
    intervalMs: count,
    maxPoints: count,
    recorders: { type: 'array', items: objectOf({ name: { type: 'string' }, since: instant }) },
    points: {
      type: 'array',
      items: objectOf({
        at: instant,
        elapsedMs: count,
        vipProcessed: count,
        normalProcessed: count,
        failed: count,
        vipPerSecond: rate,
        normalPerSecond: rate,
      }),
    },
  }),
});

/** `GET /pedidos/runs/{runId}/report.csv`. */
export const RUN_REPORT_CSV_SCHEMA: SchemaObject = { type: 'string', description: 'field,value rows, a blank line, then one row per point of the series' };
