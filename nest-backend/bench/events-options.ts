import { parseArgs } from 'node:util';

export interface EventsBenchOptions {
  /** Seconds of single-event load (the memory-over-time run too: `--duration 300` for the 5-minute check). */
  durationS: number;
  /** Target rate of single events (autocannon overallRate); 0 = as fast as the connections go. */
  singleRate: number;
  connections: number;
  /** Events sent in batches (as fast as the batch connections go). */
  batchEvents: number;
  batchSize: number;
  batchConnections: number;
  /** Seconds of the HTTP floor (single and batch each). */
  floorDurationS: number;
  floors: boolean;
  /** Events the storage floor inserts at most (it inserts as many as the batch phase stored, up to this); each candidate batch size is tried on a tenth first. */
  storageFloorMaxEvents: number;
  /** API processes (`dist/main.js`), each on its own port; the load's connections are spread over them in turn. */
  apis: number;
  /** Consumer processes (`dist/worker.js`) next to the API; the API consumes too unless --api-only-intake. */
  workers: number;
  apiConsumes: boolean;
  /** Backend environment for the run (EVENTS_BATCH_SIZE=…), repeatable. */
  backendEnv: Record<string, string>;
  /** Use REDIS_URL instead of a private redis-server (the Redis command count is then server-wide). */
  sharedRedis: boolean;
  /** The private redis-server's AOF fsync policy (docker-compose.yml: always). */
  redisAppendfsync: 'always' | 'everysec';
  sampleEveryMs: number;
  keyPrefix: string;
  label: string;
  build: boolean;
}

export const EVENTS_USAGE = `Usage: pnpm bench:events -- [options]

Drives the event intake (real API and consumer processes, MONGO_URI, a private redis-server with AOF) with
autocannon over loopback: single events, then batches; then the floors: a bare node:http server that parses and
answers 202, and a bare driver script inserting the same events. Prints the figures and writes
bench/results/<date>-events-<server>[-label].json at the repository root.

  --duration S            seconds of single-event load (default 60; 300 for the memory-over-time check)
  --single-rate R         single events per second to offer (default 3000; 0 = as fast as possible)
  --connections C         connections for single events (default 100)
  --batch-events N        events sent in batches, as fast as they are accepted (default 100000)
  --batch-size B          events per POST /events/batch (default 1000)
  --batch-connections C   connections for batches (default 4)
  --floor-duration S      seconds of each HTTP floor run (default 10)
  --no-floors             skip both floors
  --storage-floor-max N   events the storage floor inserts at most (default 200000)
  --apis A                API processes (dist/main.js), each on its own port, the connections spread over them
                          in turn as a load balancer would (default 1)
  --workers W             consumer processes (dist/worker.js) besides the API (default 1)
  --api-only-intake       the API consumes no events (RUN_WORKERS_IN_API=false); needs --workers ≥ 1
  --env KEY=VALUE         backend environment for the run, e.g. --env EVENTS_BATCH_SIZE=1000 (repeatable)
  --shared-redis          use REDIS_URL rather than a private redis-server
  --redis-appendfsync P   the private redis-server's AOF fsync: always (default, as docker-compose.yml) or everysec
  --sample-every-ms MS    GET /events/metrics and process memory sampling period (default 1000)
  --key-prefix P          KEY_PREFIX of the processes (default bench-events)
  --label L               suffix of the result file name
  --no-build              use the existing dist/ (default: build first)
  --help`;

/** Parses argv (a leading `--` from `pnpm bench:events -- ...` is ignored); throws with a message on a bad option. */
export function parseEventsOptions(argv: string[]): EventsBenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    strict: true,
    options: {
      duration: { type: 'string', default: '60' },
      'single-rate': { type: 'string', default: '3000' },
      connections: { type: 'string', default: '100' },
      'batch-events': { type: 'string', default: '100000' },
      'batch-size': { type: 'string', default: '1000' },
      'batch-connections': { type: 'string', default: '4' },
      'floor-duration': { type: 'string', default: '10' },
      'no-floors': { type: 'boolean', default: false },
      'storage-floor-max': { type: 'string', default: '200000' },
      workers: { type: 'string', default: '1' },
      apis: { type: 'string', default: '1' },
      'api-only-intake': { type: 'boolean', default: false },
      env: { type: 'string', multiple: true, default: [] },
      'shared-redis': { type: 'boolean', default: false },
      'redis-appendfsync': { type: 'string', default: 'always' },
      'sample-every-ms': { type: 'string', default: '1000' },
      'key-prefix': { type: 'string', default: 'bench-events' },
      label: { type: 'string', default: '' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const int = (name: keyof typeof values, min: number): number => {
    const raw = String(values[name]);
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${raw}`);
    return value;
  };
  const backendEnv: Record<string, string> = {};
  for (const pair of values.env as string[]) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
    if (!match) throw new Error(`--env must be KEY=VALUE, got ${pair}`);
    backendEnv[match[1]] = match[2];
  }
  const options: EventsBenchOptions = {
    durationS: int('duration', 1),
    singleRate: int('single-rate', 0),
    connections: int('connections', 1),
    batchEvents: int('batch-events', 1),
    batchSize: int('batch-size', 1),
    batchConnections: int('batch-connections', 1),
    floorDurationS: int('floor-duration', 1),
    floors: !values['no-floors'],
    storageFloorMaxEvents: int('storage-floor-max', 1),
    apis: int('apis', 1),
    workers: int('workers', 0),
    apiConsumes: !values['api-only-intake'],
    backendEnv,
    sharedRedis: Boolean(values['shared-redis']),
    redisAppendfsync: values['redis-appendfsync'] === 'everysec' ? 'everysec' : 'always',
    sampleEveryMs: int('sample-every-ms', 100),
    keyPrefix: String(values['key-prefix']),
    label: String(values.label),
    build: !values['no-build'],
  };
  if (!['always', 'everysec'].includes(String(values['redis-appendfsync']))) throw new Error('--redis-appendfsync must be always or everysec');
  if (!options.apiConsumes && options.workers === 0) throw new Error('--api-only-intake needs --workers ≥ 1: nothing would store the events');
  if (!/^[A-Za-z0-9_-]{1,30}$/.test(options.keyPrefix)) throw new Error('--key-prefix must be 1-30 letters, digits, _ or -');
  if (!/^[A-Za-z0-9_.-]{0,40}$/.test(options.label)) throw new Error('--label must be letters, digits, _ . or -');
  return options;
}
