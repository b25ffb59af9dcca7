import 'reflect-metadata';
import { Transform, plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateBy, validateSync } from 'class-validator';
import { parseRedisAddress } from '../redis/redis-address';

// Implicit conversion would turn any non-empty string into `true`, so booleans are read from the raw value.
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const value = obj[key];
  if (typeof value !== 'string') return value;
  if (/^(true|1|yes|on)$/i.test(value)) return true;
  if (/^(false|0|no|off)$/i.test(value)) return false;
  return value;
};

/** READ_API_KEY only means something next to API_KEY, and must not be the same key (it would grant writes). */
function readKeyProblem(args?: { value: unknown; object: object }): string {
  const apiKey = (args?.object as { API_KEY?: unknown } | undefined)?.API_KEY;
  if (typeof apiKey !== 'string' || apiKey === '') return 'READ_API_KEY needs API_KEY: without it every control request is open';
  if (args?.value === apiKey) return 'READ_API_KEY must differ from API_KEY';
  return '';
}

function readsAsRedisAddress(value: unknown): boolean {
  return redisAddressProblem({ value }) === '';
}

function redisAddressProblem(args?: { value: unknown }): string {
  try {
    parseRedisAddress(String(args?.value));
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

/** Every setting of the backend, with its default; `README.md` and `.env.example` document them. */
export class Environment {
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGO_URI must be a mongodb:// or mongodb+srv:// URI' })
  MONGO_URI: string = 'mongodb://127.0.0.1:27017/pedidos';

  /** One server (`redis://`, `rediss://`), a Redis Cluster (`redis+cluster://host:port,…`) or Sentinels (`redis+sentinel://host:port,…/<master>`). */
  @Matches(/^rediss?(\+cluster|\+sentinel)?:\/\/\S+$/, { message: 'REDIS_URL must be a redis://, rediss://, redis+cluster://, rediss+cluster://, redis+sentinel:// or rediss+sentinel:// URL' })
  @ValidateBy({ name: 'redisAddress', validator: { validate: readsAsRedisAddress, defaultMessage: redisAddressProblem } })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsInt() @Min(1) @Max(100_000_000)
  MAX_ORDERS: number = 1_500_000;

  /** Two chunks are stored at once; 5,000 stores as fast as 10,000 here with half the memory and shorter event-loop blocks (bench/README.md). */
  @IsInt() @Min(1) @Max(100_000)
  GENERATION_CHUNK_SIZE: number = 5_000;

  /** 5,000 is a measured default: fewest Redis and MongoDB commands per order at full speed (bench/README.md). */
  @IsInt() @Min(1) @Max(100_000)
  ORDERS_PER_JOB: number = 5_000;

  /** The design's 25 consumers per lane and process; as fast as 4 on FerretDB here, and what a MongoDB with cores can use (bench/README.md). */
  @IsInt() @Min(1) @Max(1_000)
  ORDERS_QUEUE_CONCURRENCY: number = 25;

  @IsInt() @Min(100) @Max(3_600_000)
  LOG_PROGRESS_EVERY_MS: number = 1_000;

  @Transform(toBoolean) @IsBoolean()
  BACKEND_LOGS: boolean = true;

  @Transform(toBoolean) @IsBoolean()
  RUN_WORKERS_IN_API: boolean = true;

  @IsInt() @Min(1) @Max(100)
  MAX_ATTEMPTS: number = 5;

  @IsInt() @Min(0) @Max(3_600_000)
  RETRY_BACKOFF_MS: number = 1_000;

  @IsString()
  CORS_ORIGINS: string = 'http://localhost:3001,http://127.0.0.1:3001';

  @IsOptional() @IsString() @MinLength(8, { message: 'API_KEY must be at least 8 characters long' })
  API_KEY?: string;

  /**
   * With API_KEY, a key that may only read: when set, every read (REST, Socket.IO, Bull Board) needs it or API_KEY,
   * and a control request with it answers 403. `/health` and `/metrics` stay open (README, "Bad input and access").
   */
  @IsOptional() @IsString() @MinLength(8, { message: 'READ_API_KEY must be at least 8 characters long' })
  @ValidateBy({ name: 'readKeyFits', validator: { validate: (value, args) => readKeyProblem(args) === '', defaultMessage: readKeyProblem } })
  READ_API_KEY?: string;

  /**
   * Audit log entries kept (`GET /pedidos/audit`); past it the oldest are deleted as new ones are written. On FerretDB
   * a page of the log reads every entry: 2,000 keeps it under a second there (README, "Who did what").
   */
  @IsInt() @Min(100) @Max(10_000_000)
  AUDIT_MAX_ENTRIES: number = 2_000;

  /** Control requests (POST) one client may send a minute; reads are never limited. 0 turns the limit off. */
  @IsInt() @Min(0) @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE: number = 60;

  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'KEY_PREFIX must be 1-40 letters, digits, _ or -' })
  KEY_PREFIX: string = 'pedidos';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Counts the MongoDB commands this process sends (driver command monitoring), for `GET /pedidos/metrics/process` and the bench. */
  @Transform(toBoolean) @IsBoolean()
  MONGO_MONITOR_COMMANDS: boolean = false;

  /** Port of a worker process's metrics-only HTTP server (`GET /metrics`); 0 turns it off. The API serves `/metrics` on PORT. */
  @IsInt() @Min(0) @Max(65535)
  METRICS_PORT: number = 9464;

  /** Finished jobs kept per lane for Bull Board and `GET /pedidos/queue/jobs` (older ones are deleted as new ones finish); 0 keeps none. */
  @IsInt() @Min(0) @Max(1_000_000)
  QUEUE_KEEP_COMPLETED_JOBS: number = 1_000;

  @IsInt() @Min(0) @Max(1_000_000)
  QUEUE_KEEP_FAILED_JOBS: number = 1_000;

  /** Points a run's throughput series holds at most (`GET /pedidos/runs/:runId/report`); a longer run's points are merged two by two. */
  @IsInt() @Min(10) @Max(10_000)
  RUN_SERIES_MAX_POINTS: number = 300;

  /** Time between two points of a run's series until it fills up (then twice that, and so on). */
  @IsInt() @Min(100) @Max(60_000)
  RUN_SERIES_INTERVAL_MS: number = 1_000;
  /**
   * Builds the indexes only order searches use (`GET /pedidos/orders`, docs/order-search.md). On by default:
   * on MongoDB they make every search an index scan. `start` turns them off for the FerretDB it starts itself,
   * which cannot use them and rewrites each of them for every processed order (README, "Finding orders").
   */
  @Transform(toBoolean) @IsBoolean()
  ORDER_SEARCH_INDEXES: boolean = true;

  /** How long one order search or order page may keep the database busy (ms) before it answers 503 ORDER_SEARCH_TIMEOUT. */
  @IsInt() @Min(100) @Max(600_000)
  ORDER_SEARCH_TIMEOUT_MS: number = 15_000;

  /** Test-only fault injection: orders whose seq is a multiple of this fail every attempt (0 = off). */
  @IsInt() @Min(0)
  FAIL_EVERY_SEQ_MULTIPLE_OF: number = 0;

  // --- Event intake (POST /events, /events/batch; see README "Event intake") ---

  /** Most events one POST /events/batch may hold. */
  @IsInt() @Min(1) @Max(100_000)
  EVENTS_MAX_BATCH: number = 1_000;

  /** A consumer writes the batch it fills once it holds this many events… */
  @IsInt() @Min(1) @Max(100_000)
  EVENTS_BATCH_SIZE: number = 1_000;

  /** …or once its oldest event has waited this long (ms), whichever comes first. */
  @IsInt() @Min(1) @Max(600_000)
  EVENTS_FLUSH_MS: number = 500;

  /** Queue jobs one process holds at once while it fills a batch from them. */
  @IsInt() @Min(1) @Max(1_000)
  EVENTS_QUEUE_CONCURRENCY: number = 16;

  /** Single events arriving together in one API process go to the queue as one job of at most this many… */
  @IsInt() @Min(1) @Max(100_000)
  EVENTS_INTAKE_GROUP_MAX: number = 500;

  /** …gathered for at most this long (ms) after the first of them; 0 queues each request on its own. */
  @IsInt() @Min(0) @Max(1_000)
  EVENTS_INTAKE_GROUP_WAIT_MS: number = 10;

  /** How long (ms) intake waits for the queue to confirm events before answering 503 instead of 202. */
  @IsInt() @Min(100) @Max(600_000)
  EVENTS_QUEUE_TIMEOUT_MS: number = 5_000;

  /** Characters of eventId, userId and sessionId. */
  @IsInt() @Min(1) @Max(10_000)
  EVENTS_MAX_ID_LENGTH: number = 128;

  /** Characters of any string or key inside eventData. */
  @IsInt() @Min(1) @Max(1_000_000)
  EVENTS_MAX_STRING_LENGTH: number = 2_048;

  /** Levels of objects and arrays in eventData (eventData itself is level 1). */
  @IsInt() @Min(1) @Max(50)
  EVENTS_MAX_DEPTH: number = 5;

  /** Bytes of one event's eventData as JSON. */
  @IsInt() @Min(16) @Max(10_000_000)
  EVENTS_MAX_EVENT_DATA_BYTES: number = 16_384;

  /** Bytes of a POST /events/batch body (other bodies, a single event's included, stay under 100 kB). */
  @IsInt() @Min(1_024) @Max(100_000_000)
  EVENTS_MAX_BODY_BYTES: number = 2_000_000;

  /** When set, the intake endpoints need `x-events-key` (or `x-api-key` with API_KEY); unset = intake is open. */
  @IsOptional() @IsString() @MinLength(8, { message: 'EVENTS_API_KEY must be at least 8 characters long' })
  EVENTS_API_KEY?: string;

  /** Events (not requests) one client may send a minute to the intake endpoints, per API process; 0 turns the limit off. */
  @IsInt() @Min(0) @Max(100_000_000)
  EVENTS_RATE_LIMIT_PER_MINUTE: number = 600_000;

  /**
   * Test-only fault injection: events whose eventData holds a key of this name are refused by the event store
   * on every attempt, as a database would refuse a poison document (unset = off). Never set it in production.
   */
  @IsOptional() @Matches(/^[A-Za-z0-9_]{1,40}$/, { message: 'EVENTS_FAIL_MARKER must be 1-40 letters, digits or _' })
  EVENTS_FAIL_MARKER?: string;

  // --- Alerts (see README "Alerts"); a threshold of 0 turns its alert off ---

  /** How often (ms) the evaluating API process checks every alert condition (each check costs it 2–3 Redis commands). */
  @IsInt() @Min(250) @Max(60_000)
  ALERT_CHECK_EVERY_MS: number = 5_000;

  /** Seconds a lane may have work and make no progress (no job finished) before it is reported stalled; above the longest job. */
  @IsInt() @Min(0) @Max(604_800)
  STALL_ALERT_S: number = 300;

  /** Seconds after a run's start by which every VIP order should be processed (0 = no deadline). */
  @IsInt() @Min(0) @Max(604_800)
  VIP_DEADLINE_S: number = 0;

  /** Open dead letters (orders that failed every attempt, not yet retried) that raise an alert. */
  @IsInt() @Min(0) @Max(1_000_000_000)
  DEAD_LETTERS_ALERT_MIN: number = 1;

  /** Seconds Redis (the queue) may be unreachable from the evaluating API before an alert. */
  @IsInt() @Min(0) @Max(604_800)
  QUEUE_UNREACHABLE_ALERT_S: number = 30;

  /** Seconds the database may be unreachable before an alert. */
  @IsInt() @Min(0) @Max(604_800)
  DATABASE_UNREACHABLE_ALERT_S: number = 30;

  /** Where alert changes are POSTed as JSON (unset = no webhook). */
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'ALERT_WEBHOOK_URL must be an http:// or https:// URL' })
  ALERT_WEBHOOK_URL?: string;

  /** Milliseconds one webhook attempt may take before it counts as failed. */
  @IsInt() @Min(100) @Max(120_000)
  ALERT_WEBHOOK_TIMEOUT_MS: number = 5_000;

  /** Attempts after the first for a delivery that failed (network error, timeout, 408, 429, 5xx). */
  @IsInt() @Min(0) @Max(20)
  ALERT_WEBHOOK_RETRIES: number = 5;

  /** Base (ms) of the exponential backoff between webhook attempts (doubling, at most 60 s). */
  @IsInt() @Min(0) @Max(600_000)
  ALERT_WEBHOOK_BACKOFF_MS: number = 1_000;
}

/** Parses and checks the environment; throws one error naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const env = plainToInstance(Environment, present, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const problems = errors.map((error) => {
      const messages = Object.values(error.constraints ?? {}).join('; ');
      return `  ${error.property}=${JSON.stringify(raw[error.property])}: ${messages}`;
    });
    throw new Error(`invalid environment:\n${problems.join('\n')}`);
  }
  return env;
}
