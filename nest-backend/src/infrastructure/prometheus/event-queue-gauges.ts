import { getQueueToken } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Queue } from 'bull';
import type { Counter, Gauge } from 'prom-client';
import { BULL_JOB_STATES } from '../queue/bull-job-states';
import { EVENTS_QUEUE } from '../queue/queue-names';
import { METRIC } from './metric-definitions';

/**
 * The events queue's jobs by state, read when Prometheus scrapes (one Bull call). The queue is registered by
 * EventsInfrastructureModule, which does not export it: it is looked up across modules, as Bull Board does.
 */
@Injectable()
export class EventQueueGauges {
  constructor(
    private readonly modules: ModuleRef,
    @InjectMetric(METRIC.eventQueueJobs) private readonly jobs: Gauge<'state'>,
    @InjectMetric(METRIC.scrapeErrors) private readonly errors: Counter,
  ) {}

  async refresh(): Promise<void> {
    try {
      const queue = this.modules.get<Queue>(getQueueToken(EVENTS_QUEUE), { strict: false });
      const counts = (await queue.getJobCounts()) as unknown as Record<string, number | undefined>;
      for (const state of BULL_JOB_STATES) this.jobs.set({ state }, counts[state] ?? 0);
    } catch {
      this.errors.inc();
    }
  }
}
