import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';
import { Priority } from '../../domain/order';
import { PipelineMetrics, SliceAttemptOutcome } from '../../domain/ports/pipeline-metrics.port';
import { METRIC } from './metric-definitions';

/** Label value of a priority: lower case, as Prometheus labels usually are. */
export function priorityLabel(priority: Priority): 'vip' | 'normal' {
  return priority === 'VIP' ? 'vip' : 'normal';
}

/** PipelineMetrics as prom-client counters and histograms of this process (served at `/metrics`). */
@Injectable()
export class PrometheusPipelineMetrics extends PipelineMetrics {
  constructor(
    @InjectMetric(METRIC.ordersProcessed) private readonly processed: Counter<'priority'>,
    @InjectMetric(METRIC.ordersFailed) private readonly failed: Counter<'priority'>,
    @InjectMetric(METRIC.ordersDeadLettered) private readonly deadLettered: Counter<'priority'>,
    @InjectMetric(METRIC.jobDuration) private readonly jobs: Histogram<'priority' | 'outcome'>,
    @InjectMetric(METRIC.generationDuration) private readonly generation: Histogram,
    @InjectMetric(METRIC.drainDuration) private readonly drains: Histogram<'priority'>,
  ) {
    super();
    // Series that exist from the start, at 0, so rates and sums work before the first slice.
    for (const priority of ['vip', 'normal']) for (const counter of [processed, failed, deadLettered]) counter.inc({ priority }, 0);
  }

  sliceAttempted(attempt: { priority: Priority; orders: number; outcome: SliceAttemptOutcome; seconds: number }): void {
    const priority = priorityLabel(attempt.priority);
    this.jobs.observe({ priority, outcome: attempt.outcome }, attempt.seconds);
    if (attempt.outcome === 'failed') this.failed.inc({ priority }, attempt.orders);
  }

  ordersProcessed(priority: Priority, count: number): void {
    this.processed.inc({ priority: priorityLabel(priority) }, count);
  }

  ordersDeadLettered(priority: Priority, count: number): void {
    this.deadLettered.inc({ priority: priorityLabel(priority) }, count);
  }

  generationFinished(seconds: number): void {
    this.generation.observe(seconds);
  }

  laneDrained(priority: Priority, seconds: number): void {
    this.drains.observe({ priority: priorityLabel(priority) }, seconds);
  }
}
