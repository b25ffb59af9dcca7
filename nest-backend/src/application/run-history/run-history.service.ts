import { Injectable } from '@nestjs/common';
import { RunNotFoundError } from '../../domain/errors';
import { StatusSnapshot, buildSnapshot } from '../../domain/metrics';
import { RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { ReadStatusService } from '../read-status/read-status.service';

export interface RunSummary extends Omit<StatusSnapshot, 'lastRunId' | 'updatedAt'> {
  runId: string;
  target: number;
  generated: number;
  autoProcess: boolean;
  createdAt: string;
  finishedAt: string | null;
  errorReason: string | null;
}

export interface RunHistoryPage {
  items: RunSummary[];
  page: number;
  limit: number;
  total: number;
}

/** `GET /pedidos/runs` and `GET /pedidos/runs/:runId`. */
@Injectable()
export class RunHistoryService {
  constructor(
    private readonly runs: RunStore,
    private readonly status: ReadStatusService,
  ) {}

  async list(page: number, limit: number): Promise<RunHistoryPage> {
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
    const { lastRunId: _runId, updatedAt: _updatedAt, ...figures } = buildSnapshot(run, new Date());
    return {
      ...figures,
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
