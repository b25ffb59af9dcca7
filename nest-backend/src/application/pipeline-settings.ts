/** Tunables of the pipeline, validated from the environment at boot (see infrastructure/config). */
export class PipelineSettings {
  constructor(
    readonly maxOrders: number,
    readonly generationChunkSize: number,
    readonly ordersPerJob: number,
    readonly queueConcurrency: number,
    readonly logProgressEveryMs: number,
    readonly backendLogs: boolean,
    readonly maxAttempts: number,
    /** Name of this process in log lines: `api` or `worker-<pid>`. */
    readonly processName: string,
    /** Whether this process consumes the queue. */
    readonly runWorkers: boolean,
    /** Whether this process drives runs (API processes do, worker processes do not). */
    readonly orchestrate: boolean,
    /** Test-only: orders whose seq is a multiple of this fail every time (0 = off). */
    readonly failEverySeqMultipleOf: number = 0,
  ) {}
}
