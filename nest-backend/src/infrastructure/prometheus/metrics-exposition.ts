import { collectDefaultMetrics, register } from 'prom-client';

/** Something that updates its metrics just before they are read. */
export interface ScrapeTimeSource {
  refresh(): Promise<void>;
}

/**
 * This process's metrics in the Prometheus text format: prom-client's process and Node.js metrics (CPU,
 * memory, event-loop lag, GC), then whatever the modules registered. One registry per process, as
 * Prometheus expects one exposition per target; tests that start several apps in one process share it.
 */
export class MetricsExposition {
  readonly contentType = register.contentType;

  constructor(private readonly sources: ScrapeTimeSource[] = []) {
    // Registered once per process: a second app in the same process (tests) reuses them.
    if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
  }

  async refresh(): Promise<void> {
    await Promise.all(this.sources.map((source) => source.refresh()));
  }

  async render(): Promise<string> {
    await this.refresh();
    return register.metrics();
  }
}
