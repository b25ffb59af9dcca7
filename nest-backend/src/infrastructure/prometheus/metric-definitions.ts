import { getToken, makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import { BULL_JOB_STATES } from '../queue/bull-job-states';

/**
 * Every metric the backend defines, by name. Labels stay low-cardinality: a priority (`vip`, `normal`), a job
 * state, an outcome, a phase, an HTTP method, route pattern and status; never a run, order or job id.
 */
export const METRIC = {
  ordersProcessed: 'pedidos_orders_processed_total',
  ordersFailed: 'pedidos_orders_failed_total',
  ordersDeadLettered: 'pedidos_orders_dead_lettered_total',
  jobDuration: 'pedidos_job_duration_seconds',
  generationDuration: 'pedidos_run_generation_duration_seconds',
  drainDuration: 'pedidos_run_drain_duration_seconds',
  queueJobs: 'pedidos_queue_jobs',
  runPhase: 'pedidos_run_phase',
  scrapeErrors: 'pedidos_metrics_scrape_errors_total',
  httpDuration: 'http_request_duration_seconds',
  eventsAccepted: 'pedidos_events_accepted_total',
  eventsStored: 'pedidos_events_stored_total',
  eventsDuplicates: 'pedidos_events_duplicates_total',
  eventsDeadLettered: 'pedidos_events_dead_lettered_total',
  eventBatchSize: 'pedidos_event_batch_size',
  eventBatchWrite: 'pedidos_event_batch_write_duration_seconds',
  eventQueueJobs: 'pedidos_event_queue_jobs',
} as const;

/** Job (slice) durations: from a few ms (a small slice on MongoDB) to minutes (FerretDB scanning a large collection). */
const JOB_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
/** Phase durations: a run of a thousand orders takes about a second, a million on FerretDB hours. */
const PHASE_BUCKETS = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400];
/** Events per stored batch: from a lone event flushed by age to EVENTS_BATCH_SIZE and beyond. */
const EVENT_BATCH_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];
const EVENT_WRITE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What every process that consumes the queue or drives runs records. */
export const PIPELINE_METRIC_PROVIDERS = [
  makeCounterProvider({ name: METRIC.ordersProcessed, help: 'Orders changed from pending to processed, by priority.', labelNames: ['priority'] }),
  makeCounterProvider({
    name: METRIC.ordersFailed,
    help: 'Orders in slice attempts that threw, by priority (an order retried three times counts three times).',
    labelNames: ['priority'],
  }),
  makeCounterProvider({ name: METRIC.ordersDeadLettered, help: 'Orders that failed every attempt and went to the dead letters, by priority.', labelNames: ['priority'] }),
  makeHistogramProvider({ name: METRIC.jobDuration, help: 'Duration of one attempt at a queued slice, by priority and outcome.', labelNames: ['priority', 'outcome'], buckets: JOB_BUCKETS }),
  makeHistogramProvider({ name: METRIC.generationDuration, help: "A run's generation, from its start until every order is stored.", buckets: PHASE_BUCKETS }),
  makeHistogramProvider({
    name: METRIC.drainDuration,
    help: 'How long the driving process waited for a lane to drain (no job left, no order pending), by priority.',
    labelNames: ['priority'],
    buckets: PHASE_BUCKETS,
  }),
];

/** What only API processes expose: the queue and the run, read at scrape time, and HTTP requests. */
export const API_METRIC_PROVIDERS = [
  makeGaugeProvider({ name: METRIC.queueJobs, help: `Jobs in the queue by priority lane and state (${BULL_JOB_STATES.join(', ')}), read at scrape time.`, labelNames: ['priority', 'state'] }),
  makeGaugeProvider({ name: METRIC.runPhase, help: 'Phase of the latest run as a state set: 1 for its phase, 0 for the others (IDLE when there is none).', labelNames: ['phase'] }),
  makeCounterProvider({ name: METRIC.scrapeErrors, help: 'Scrapes whose queue or run figures could not be read (the previous values were served).' }),
  makeHistogramProvider({ name: METRIC.httpDuration, help: 'HTTP requests by method, route pattern and status code.', labelNames: ['method', 'route', 'status_code'], buckets: HTTP_BUCKETS }),
];

/** Event intake, in the process that accepted (API) or stored (consumer) the events. */
export const EVENT_METRIC_PROVIDERS = [
  makeCounterProvider({ name: METRIC.eventsAccepted, help: 'Events accepted by intake (confirmed durable in the events queue).' }),
  makeCounterProvider({ name: METRIC.eventsStored, help: 'Events written to the events collection.' }),
  makeCounterProvider({ name: METRIC.eventsDuplicates, help: 'Events of written batches that were already stored (same eventId).' }),
  makeCounterProvider({ name: METRIC.eventsDeadLettered, help: 'Events that failed every attempt and went to the event dead letters.' }),
  makeHistogramProvider({ name: METRIC.eventBatchSize, help: 'Events per batch written to the events collection.', buckets: EVENT_BATCH_BUCKETS }),
  makeHistogramProvider({ name: METRIC.eventBatchWrite, help: 'Time to write one batch of events (one bulk insert).', buckets: EVENT_WRITE_BUCKETS }),
];

/** The injection tokens of EVENT_METRIC_PROVIDERS, for the events module's metrics store. */
export const EVENT_METRIC_TOKENS = [METRIC.eventsAccepted, METRIC.eventsStored, METRIC.eventsDuplicates, METRIC.eventsDeadLettered, METRIC.eventBatchSize, METRIC.eventBatchWrite].map(getToken);

/** Event intake figures only API processes expose, read at scrape time. */
export const EVENT_API_METRIC_PROVIDERS = [
  makeGaugeProvider({ name: METRIC.eventQueueJobs, help: 'Jobs (intake groups or batches) in the events queue by state, read at scrape time.', labelNames: ['state'] }),
];
