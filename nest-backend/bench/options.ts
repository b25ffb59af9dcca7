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
export function parseOptions(argv: string[], rawEnv: NodeJS.ProcessEnv): BenchOptions {
  const env = validateEnvironment(rawEnv);
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const options: BenchOptions = {
    mode: 'pipeline',
    orders: 0,
    ordersPerJob: env.ORDERS_PER_JOB,
    concurrency: env.ORDERS_QUEUE_CONCURRENCY,
    chunkSize: env.GENERATION_CHUNK_SIZE,
    workers: 0,
    compareSingle: 0,
    floor: true,
    memoryCheck: false,
    cpuProfDir: null,
    // The backend's production V8 flags (node-flags.json); a later --node-arg=--max-old-space-size=… wins.
    nodeArgs: backendNodeFlags(findBackendDir(__dirname)),
    floorUpdateBatch: 0,
    floorParallel: 4,
    statusEveryMs: 250,
    timeoutS: 3600,
    build: true,
    keyPrefix: 'bench',
    sweepOrdersPerJob: [1_000, 5_000, 20_000],
    sweepConcurrency: [4, 25],
    sweepChunkSize: [env.GENERATION_CHUNK_SIZE],
    repeat: 1,
    label: '',
    env,
  };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag.startsWith('--node-arg=')) {
      options.nodeArgs.push(flag.slice('--node-arg='.length));
      continue;
    }
    const next = (): string => {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
      return value;
    };
    const int = (min: number): number => positiveInt(flag, next(), min);
    switch (flag) {
      case '--orders': options.orders = int(1); break;
      case '--orders-per-job': options.ordersPerJob = int(1); break;
      case '--concurrency': options.concurrency = int(1); break;
      case '--chunk-size': options.chunkSize = int(1); break;
      case '--workers': options.workers = int(0); break;
      case '--compare-single':
        options.compareSingle = args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? int(1) : 2_000;
        break;
      case '--no-floor': options.floor = false; break;
      case '--memory-check': options.memoryCheck = true; break;
      case '--cpu-prof': options.cpuProfDir = next(); break;
      case '--node-arg': options.nodeArgs.push(args[++i] ?? ''); break;
      case '--floor-update-batch': options.floorUpdateBatch = int(1); break;
      case '--floor-parallel': options.floorParallel = int(1); break;
      case '--generation-only': options.mode = 'generation-only'; break;
      case '--store-only': options.mode = 'store-only'; break;
      case '--sweep': options.mode = 'sweep'; break;
      case '--floor-only': options.mode = 'floor-only'; break;
      case '--sweep-orders-per-job': options.sweepOrdersPerJob = intList(flag, next()); break;
      case '--sweep-concurrency': options.sweepConcurrency = intList(flag, next()); break;
      case '--sweep-chunk-size': options.sweepChunkSize = intList(flag, next()); break;
      case '--repeat': options.repeat = int(1); break;
      case '--status-every-ms': options.statusEveryMs = int(20); break;
      case '--timeout-s': options.timeoutS = int(1); break;
      case '--key-prefix': options.keyPrefix = next(); break;
      case '--label': options.label = next(); break;
      case '--no-build': options.build = false; break;
      default: throw new Error(`unknown option ${flag}`);
    }
  }
  if (options.orders === 0) options.orders = options.mode === 'sweep' ? 20_000 : 1_000_000;
  if (!/^[A-Za-z0-9_-]{1,30}$/.test(options.keyPrefix)) throw new Error('--key-prefix must be 1-30 letters, digits, _ or -');
  if (!/^[A-Za-z0-9_.-]{0,40}$/.test(options.label)) throw new Error('--label must be letters, digits, _ . or -');
  return options;
}

function positiveInt(flag: string, raw: string, min: number): number {
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min) throw new Error(`${flag} must be an integer ≥ ${min}, got ${raw}`);
  return value;
}

function intList(flag: string, raw: string): number[] {
  return raw.split(',').map((part) => positiveInt(flag, part.trim(), 1));
}
