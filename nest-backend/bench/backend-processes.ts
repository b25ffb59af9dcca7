import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Child, sleep, startChild } from '@pedidos/processes';
import type { ProcessMetricsSnapshot } from '../src/infrastructure/metrics/process-metrics';
import type { ProcessMetricsRequest } from '../src/infrastructure/metrics/process-metrics-ipc';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
const READY_TIMEOUT_MS = 90_000;
const IPC_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 15_000;

/** CPU time and memory high-water mark as the kernel counts them (/proc; null off Linux). */
export interface KernelStats {
  cpuMs: number;
  peakRssMb: number;
}

/** One backend process the bench started: `api` or `worker-<n>`. */
export class BackendProcess {
  private nextRequestId = 1;
  private readonly pending = new Map<number, (metrics: ProcessMetricsSnapshot) => void>();
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    private readonly child: Child,
    readonly logFile: string,
  ) {
    child.process.on('message', (message: { type?: string; requestId?: number; metrics?: ProcessMetricsSnapshot }) => {
      if (message?.type !== 'process-metrics' || message.requestId === undefined || !message.metrics) return;
      this.pending.get(message.requestId)?.(message.metrics);
      this.pending.delete(message.requestId);
    });
    this.exited = child.exited.then((exit) => exit.code);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.running;
  }

  get exitCode(): number | null {
    return this.child.exit?.code ?? null;
  }

  /** The process's own metrics over IPC; `restartLoopWindow` starts a new event-loop window after reading. */
  metrics(restartLoopWindow = false, timeoutMs = IPC_TIMEOUT_MS): Promise<ProcessMetricsSnapshot> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(`${this.name} (pid ${this.pid}) did not answer a metrics request within ${timeoutMs} ms; see ${this.logFile}`));
      }, timeoutMs);
      this.pending.set(requestId, (metrics) => {
        clearTimeout(timer);
        resolve(metrics);
      });
      const request: ProcessMetricsRequest = { type: 'process-metrics', requestId, restartLoopWindow };
      if (!this.child.process.connected || !this.child.process.send(request)) {
        clearTimeout(timer);
        this.pending.delete(requestId);
        reject(new Error(`${this.name} (pid ${this.pid}) has no IPC channel (exited?); see ${this.logFile}`));
      }
    });
  }

  kernelStats(): KernelStats | null {
    return kernelStatsOf(this.pid);
  }

  /** SIGTERM (graceful: Nest closes queues and connections), SIGKILL after a timeout. */
  async stop(): Promise<void> {
    await this.child.stop({ signal: 'SIGTERM', graceMs: STOP_TIMEOUT_MS });
  }
}

/** CPU time and peak RSS of any process of this machine, from /proc (null when it is gone or off Linux). */
export function kernelStatsOf(pid: number): KernelStats | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND, peakRssMb: hwm ? Number(hwm[1]) / 1024 : 0 };
  } catch {
    return null;
  }
}

export interface SpawnSpec {
  backendDir: string;
  logDir: string;
  env: NodeJS.ProcessEnv;
  /** Options for node itself, e.g. --cpu-prof. */
  nodeArgs: string[];
}

/** Starts `node dist/<script>` with an IPC channel and its output in a log file. */
export function spawnBackend(name: string, script: 'main.js' | 'worker.js', spec: SpawnSpec): BackendProcess {
  const logFile = join(spec.logDir, `${name}.log`);
  const child = startChild({
    name,
    command: process.execPath,
    args: [...spec.nodeArgs, join('dist', script)],
    cwd: spec.backendDir,
    env: spec.env,
    logFile,
    appendLog: true,
    ipc: true,
  });
  return new BackendProcess(name, child, logFile);
}

/** Waits until the process answers over IPC (its Nest application has bootstrapped). */
export async function waitUntilUp(backend: BackendProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!backend.running) throw new Error(`${backend.name} exited with code ${backend.exitCode} while starting; see ${backend.logFile}`);
    try {
      await backend.metrics(false, 1_000);
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${backend.name} did not start within ${READY_TIMEOUT_MS / 1000} s; see ${backend.logFile}`);
}
