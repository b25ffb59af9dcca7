/** Every Redis key and channel the pipeline uses (Bull's own keys live under `<prefix>-bull`). */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  get activeRun(): string {
    return `${this.prefix}:active-run`;
  }

  get logs(): string {
    return `${this.prefix}:logs`;
  }

  get events(): string {
    return `${this.prefix}:events`;
  }

  /** A copy of the latest run, for status reads (see RedisLatestRun). */
  get latestRun(): string {
    return `${this.prefix}:latest-run`;
  }

  get bullPrefix(): string {
    return `${this.prefix}-bull`;
  }

  counters(runId: string): string {
    return `${this.prefix}:run:${runId}:counters`;
  }

  get countersPattern(): string {
    return `${this.prefix}:run:*:counters`;
  }

  driver(runId: string): string {
    return `${this.prefix}:run:${runId}:driver`;
  }

  /** Event intake metrics (see RedisEventMetricsStore): counters, per-second timeline, batch sample, recent batches, current batches. */
  eventMetrics(part: 'counters' | 'timeline' | 'sample' | 'recent' | 'current'): string {
    return `${this.prefix}:event-metrics:${part}`;
  }

  /** Held while a process writes the run's record (see MongoRunStore). */
  runWrites(runId: string): string {
    return `${this.prefix}:run:${runId}:writes`;
  }
}
