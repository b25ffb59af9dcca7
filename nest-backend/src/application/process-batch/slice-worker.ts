import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.runWorkers) return;
    await this.queue.consume(
      this.settings.queueConcurrency,
      async (slice) => {
        await this.slices.process(slice);
      },
      (slice, reason) => this.slices.giveUp(slice, reason),
    );
    this.log.info(`${this.settings.processName} consuming orders, concurrency ${this.settings.queueConcurrency} per lane`);
  }
}
