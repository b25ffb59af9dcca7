import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PipelineMetrics, SliceAttemptOutcome } from '../../domain/ports/pipeline-metrics.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { PipelineSettings } from '../pipeline-settings';
import { RunLog } from '../run-log/run-log.service';
import { ProcessSliceService } from './process-slice.service';

/** Consumes both lanes of the queue in this process when it is configured to run workers. */
@Injectable()
export class SliceWorker implements OnApplicationBootstrap {
  constructor(
    private readonly queue: WorkQueue,
    private readonly slices: ProcessSliceService,
    private readonly settings: PipelineSettings,
    private readonly log: RunLog,
    private readonly metrics: PipelineMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.runWorkers) return;
    await this.queue.consume(
      this.settings.queueConcurrency,
      async (slice) => {
        const started = performance.now();
        let outcome: SliceAttemptOutcome = 'failed';
        try {
          outcome = await this.slices.process(slice);
        } finally {
          this.metrics.sliceAttempted({ priority: slice.priority, orders: slice.to - slice.from, outcome, seconds: (performance.now() - started) / 1000 });
        }
      },
      (slice, reason) => this.slices.giveUp(slice, reason),
    );
    this.log.info(`${this.settings.processName} consuming orders, concurrency ${this.settings.queueConcurrency} per lane`);
  }
}
