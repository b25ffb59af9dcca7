import { Injectable } from '@nestjs/common';
import { RunNotFoundError } from '../../domain/errors';
import { RunSeriesStore } from '../../domain/ports/run-series-store.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { ReadStatusService } from '../read-status/read-status.service';
import { RunSeriesSettings } from '../record-run-series/run-series-settings';
import type { RunReport } from '@pedidos/contract';
import { buildRunReport } from './run-report';

/** `GET /pedidos/runs/:runId/report` (and `.csv`): the run, its live counters while it runs, and its recorded series. */
@Injectable()
export class RunReportService {
  constructor(
    private readonly runs: RunStore,
    private readonly status: ReadStatusService,
    private readonly series: RunSeriesStore,
    private readonly settings: RunSeriesSettings,
  ) {}

  async report(runId: string): Promise<RunReport> {
    const [stored, recorded] = await Promise.all([this.runs.findById(runId), this.series.find(runId)]);
    if (!stored) throw new RunNotFoundError(runId);
    return buildRunReport(await this.status.withLive(stored), recorded, new Date(), this.settings.limits);
  }
}
