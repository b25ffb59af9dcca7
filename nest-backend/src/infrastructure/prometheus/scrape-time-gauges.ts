import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge } from 'prom-client';
import { Priority } from '../../domain/order';
import { LatestRunCopy } from '../../domain/ports/latest-run-copy.port';
import { JOB_STATES, WorkQueue } from '../../domain/ports/work-queue.port';
import { bullStateOf } from '../queue/bull-job-states';
import { PHASES } from '../../domain/run-phase';
import { METRIC } from './metric-definitions';
import { priorityLabel } from './prometheus-pipeline-metrics';

const LANES: Priority[] = ['VIP', 'NORMAL'];

/**
 * The queue's lanes and the latest run's phase, read when Prometheus scrapes (a few Redis commands per
 * scrape), never on the hot path. The same figures come from every API process: aggregate with max().
 */
@Injectable()
export class ScrapeTimeGauges {
  constructor(
    private readonly queue: WorkQueue,
    private readonly latestRun: LatestRunCopy,
    @InjectMetric(METRIC.queueJobs) private readonly queueJobs: Gauge<'priority' | 'state'>,
    @InjectMetric(METRIC.runPhase) private readonly runPhase: Gauge<'phase'>,
    @InjectMetric(METRIC.scrapeErrors) private readonly errors: Counter,
  ) {}

  /** Updates the gauges; when Redis cannot answer, counts the error and leaves the previous values. */
  async refresh(): Promise<void> {
    try {
      const [counts, latest] = await Promise.all([Promise.all(LANES.map((lane) => this.queue.counts(lane))), this.latestRun.read()]);
      // The `state` label keeps Bull's names (`waiting`), as it had before the port spoke its own.
      LANES.forEach((lane, index) => {
        for (const state of JOB_STATES) this.queueJobs.set({ priority: priorityLabel(lane), state: bullStateOf(state) }, counts[index][state]);
      });
      const phase = latest?.phase ?? 'IDLE';
      for (const each of PHASES) this.runPhase.set({ phase: each }, each === phase ? 1 : 0);
    } catch {
      this.errors.inc();
    }
  }
}
