import type { RunSummary, RunsPage } from '@pedidos/contract';
import { Injectable } from '@nestjs/common';
import { RunNotFoundError } from '../../domain/errors';
import { RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { ReadStatusService } from '../read-status/read-status.service';
import { figuresView } from '../read-status/status-view';

/** `GET /pedidos/runs` and `GET /pedidos/runs/:runId`. */
@Injectable()
export class RunHistoryService {
  constructor(
    private readonly runs: RunStore,
    private readonly status: ReadStatusService,
  ) {}

  async list(page: number, limit: number): Promise<RunsPage> {
    const found = await this.runs.list(page, limit);
    const items = await Promise.all(found.items.map((run) => this.summarize(run)));
    return { items, page, limit, total: found.total };
  }

  async get(runId: string): Promise<RunSummary> {
    const run = await this.runs.findById(runId);
    if (!run) throw new RunNotFoundError(runId);
    return this.summarize(run);
  }

  private async summarize(stored: ProcessRun): Promise<RunSummary> {
    const run = await this.status.withLive(stored);
    return {
      ...figuresView(run, new Date()),
      runId: run.runId,
      target: run.target,
      generated: run.generated,
      autoProcess: run.autoProcess,
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      errorReason: run.errorReason,
    };
  }
}
