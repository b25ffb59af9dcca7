import { ParseArgsConfig, parseArgs } from 'node:util';
import { Environment, validateEnvironment } from '../src/infrastructure/config/environment';
import { backendNodeFlags, findBackendDir } from './bench-setup';

export type BenchMode = 'pipeline' | 'store-only' | 'generation-only' | 'floor-only' | 'sweep';

export interface BenchOptions {
  mode: BenchMode;
  orders: number;
  ordersPerJob: number;
  concurrency: number;
  chunkSize: number;
  /** Extra `node dist/worker.js` processes next to the API (which runs workers too). */
  workers: number;
  /** Also run ORDERS_PER_JOB=1 (and the batched setting) at this small N; 0 = off. */
  compareSingle: number;
  floor: boolean;
  /** Also run N/10 and compare the peak RSS of each process. */
  memoryCheck: boolean;
  /** Directory for `node --cpu-prof` profiles of the backend processes (written when they exit); null = off. */
  cpuProfDir: string | null;
  /** Extra options for node in the backend processes (diagnostics, e.g. --max-semi-space-size=32). */
  nodeArgs: string[];
  /** Bare-driver floor: orders per updateMany and job size of its orders (0 = the pipeline's `ordersPerJob`). */
  floorUpdateBatch: number;
  /** Bare-driver floor: updateMany commands in flight. */
  floorParallel: number;
  statusEveryMs: number;
  timeoutS: number;
  build: boolean;
  keyPrefix: string;
  /** Sweep grid; each list is crossed with the others. */
  sweepOrdersPerJob: number[];
  sweepConcurrency: number[];
  sweepChunkSize: number[];
  /** Runs of each sweep cell (in rounds, so passing load spreads over all cells); the table shows the median. */
  repeat: number;
  /** Written file name: bench/results/<date>-<server>-<N><suffix>.json. */
  label: string;
  env: Environment;
}

export const USAGE = `Usage: pnpm bench -- [options]

Runs the whole pipeline (real API and worker processes) for N orders against MONGO_URI and REDIS_URL
(a fresh database pedidos_bench_<time>, dropped afterwards; Redis keys under --key-prefix), then the
same writes by a bare MongoDB driver script (the floor), prints the figures and writes
bench/results/<date>-<server>-<N>.json at the repository root.

  --orders N             orders to generate and process (default 1000000; sweep default 20000)
  --orders-per-job K     ORDERS_PER_JOB for the run (default: the backend default)
  --concurrency C        ORDERS_QUEUE_CONCURRENCY, jobs per lane per process (default: the backend default)
  --chunk-size G         GENERATION_CHUNK_SIZE (default: the backend default)
  --workers W            extra worker processes besides the API (default 0)
  --compare-single [N]   also run ORDERS_PER_JOB=1 and the batched setting at N orders (default 2000)
  --no-floor             skip the bare-driver floor
  --cpu-prof DIR         profile the backend processes (node --cpu-prof) into DIR
  --node-arg ARG         pass ARG to node in the backend processes (repeatable; after the defaults
                         of nest-backend/node-flags.json; a later --max-old-space-size overrides), e.g. --node-arg=--max-semi-space-size=32
  --memory-check         also run N/10 orders and compare each process's peak RSS (target: within 10%)
  --floor-update-batch B orders per updateMany (one job key each) in the floor (default: --orders-per-job)
  --floor-parallel P     updateMany commands in flight in the floor (default 4)
  --store-only           generate and store N orders through the API without processing them (autoProcess=false):
                         the API's memory while it generates; with --memory-check also at N/10; no floor
  --generation-only      time makeOrders for N orders (default 1000000) in chunks of G, no I/O
  --floor-only           only the bare-driver floor (to compare --floor-update-batch / --floor-parallel)
  --sweep                run a grid (--sweep-orders-per-job, --sweep-concurrency, --sweep-chunk-size: comma lists)
  --repeat R             sweep: run each cell R times, in rounds; the table shows each cell's median run
  --status-every-ms MS   GET /pedidos sampling period (default 250)
  --timeout-s S          give up a run after S seconds (default 3600)
  --key-prefix P         KEY_PREFIX of the processes (default bench)
  --label L              suffix of the result file name
  --no-build             use the existing dist/ (default: build first)
  --help`;

/** Parses argv (a leading `--` from `pnpm bench -- ...` is ignored); throws with a message on a bad option. */
const FLAGS = {
  orders: { type: 'string' },
  'orders-per-job': { type: 'string' },
  concurrency: { type: 'string' },
  'chunk-size': { type: 'string' },
  workers: { type: 'string' },
  'compare-single': { type: 'string' },
  'no-floor': { type: 'boolean' },
  'memory-check': { type: 'boolean' },
  'cpu-prof': { type: 'string' },
  'node-arg': { type: 'string', multiple: true },
  'floor-update-batch': { type: 'string' },
  'floor-parallel': { type: 'string' },
  'generation-only': { type: 'boolean' },
  'store-only': { type: 'boolean' },
  sweep: { type: 'boolean' },
  'floor-only': { type: 'boolean' },
  'sweep-orders-per-job': { type: 'string' },
  'sweep-concurrency': { type: 'string' },
  'sweep-chunk-size': { type: 'string' },
  repeat: { type: 'string' },
  'status-every-ms': { type: 'string' },
  'timeout-s': { type: 'string' },
  'key-prefix': { type: 'string' },
  label: { type: 'string' },
  'no-build': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** `--compare-single` may stand without its number (then 2,000 orders). */
const COMPARE_SINGLE_DEFAULT = '2000';

/** Parses argv (a leading `--` from `pnpm bench -- ...` is ignored); throws with a message on a bad option. */
export function parseOptions(argv: string[], rawEnv: NodeJS.ProcessEnv): BenchOptions {
  const env = validateEnvironment(rawEnv);
  const args = normalized(argv[0] === '--' ? argv.slice(1) : argv);
  const { values } = parseArgs({ args, options: FLAGS, strict: true, allowPositionals: false });
  const int = (name: keyof typeof FLAGS, min: number, fallback: number): number => {
    const raw = values[name];
    return raw === undefined ? fallback : positiveInt(`--${name}`, String(raw), min);
  };
  const list = (name: keyof typeof FLAGS, fallback: number[]): number[] => {
    const raw = values[name];
    return raw === undefined ? fallback : intList(`--${name}`, String(raw));
  };
  const modes = (['generation-only', 'store-only', 'sweep', 'floor-only'] as const).filter((mode) => values[mode]);
  // As before parseArgs: the last mode flag given wins.
  const mode: BenchMode = modes.length === 0 ? 'pipeline' : modes.sort((a, b) => args.lastIndexOf(`--${a}`) - args.lastIndexOf(`--${b}`))[modes.length - 1];
  const options: BenchOptions = {
    mode,
    orders: int('orders', 1, mode === 'sweep' ? 20_000 : 1_000_000),
    ordersPerJob: int('orders-per-job', 1, env.ORDERS_PER_JOB),
    concurrency: int('concurrency', 1, env.ORDERS_QUEUE_CONCURRENCY),
    chunkSize: int('chunk-size', 1, env.GENERATION_CHUNK_SIZE),
    workers: int('workers', 0, 0),
    compareSingle: int('compare-single', 1, 0),
    floor: !values['no-floor'],
    memoryCheck: values['memory-check'] ?? false,
    cpuProfDir: values['cpu-prof'] ?? null,
    // The backend's production V8 flags (node-flags.json); a later --node-arg=--max-old-space-size=… wins.
    nodeArgs: [...backendNodeFlags(findBackendDir(__dirname)), ...(values['node-arg'] ?? [])],
    floorUpdateBatch: int('floor-update-batch', 1, 0),
    floorParallel: int('floor-parallel', 1, 4),
    statusEveryMs: int('status-every-ms', 20, 250),
    timeoutS: int('timeout-s', 1, 3600),
    build: !values['no-build'],
    keyPrefix: values['key-prefix'] ?? 'bench',
    sweepOrdersPerJob: list('sweep-orders-per-job', [1_000, 5_000, 20_000]),
    sweepConcurrency: list('sweep-concurrency', [4, 25]),
    sweepChunkSize: list('sweep-chunk-size', [env.GENERATION_CHUNK_SIZE]),
    repeat: int('repeat', 1, 1),
    label: values.label ?? '',
    env,
  };
  if (!/^[A-Za-z0-9_-]{1,30}$/.test(options.keyPrefix)) throw new Error('--key-prefix must be 1-30 letters, digits, _ or -');
  if (!/^[A-Za-z0-9_.-]{0,40}$/.test(options.label)) throw new Error('--label must be letters, digits, _ . or -');
  return options;
}

/**
 * What parseArgs cannot read as written: `--compare-single` without its number, and `--node-arg ARG` where ARG
 * starts with dashes (as node's flags do).
 */
function normalized(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (args[i] === '--compare-single' && (next === undefined || next.startsWith('--'))) out.push(args[i], COMPARE_SINGLE_DEFAULT);
    else if (args[i] === '--node-arg' && next !== undefined) out.push(`--node-arg=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}

function positiveInt(flag: string, raw: string, min: number): number {
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min) throw new Error(`${flag} must be an integer ≥ ${min}, got ${raw}`);
  return value;
}

function intList(flag: string, raw: string): number[] {
  return raw.split(',').map((part) => positiveInt(flag, part.trim(), 1));
}
