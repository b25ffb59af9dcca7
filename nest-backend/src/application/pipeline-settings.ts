/** Tunables of the pipeline, validated from the environment at boot (see infrastructure/config). */
export interface PipelineSettingsValues {
  readonly maxOrders: number;
  readonly generationChunkSize: number;
  readonly ordersPerJob: number;
  readonly queueConcurrency: number;
  readonly logProgressEveryMs: number;
  readonly backendLogs: boolean;
  readonly maxAttempts: number;
  /** Name of this process in log lines: `api` or `worker-<pid>`. */
  readonly processName: string;
  /** Whether this process consumes the queue. */
  readonly runWorkers: boolean;
  /** Whether this process drives runs (API processes do, worker processes do not). */
  readonly orchestrate: boolean;
  /** Test-only: orders whose seq is a multiple of this fail every time (0 = off). */
  readonly failEverySeqMultipleOf: number;
}

// The class is the injection token; its fields are the values it was made from, taken by name so that two
// numbers cannot be swapped unnoticed.
export interface PipelineSettings extends PipelineSettingsValues {}
export class PipelineSettings {
  constructor(values: Omit<PipelineSettingsValues, 'failEverySeqMultipleOf'> & Partial<Pick<PipelineSettingsValues, 'failEverySeqMultipleOf'>>) {
    Object.assign(this, { failEverySeqMultipleOf: 0, ...values });
  }
}
