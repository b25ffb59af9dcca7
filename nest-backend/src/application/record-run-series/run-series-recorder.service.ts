import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { RunSeriesStore } from '../../domain/ports/run-series-store.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { LiveCounters } from '../../domain/run';
import { SeriesPoint, SeriesRecorder, ThroughputSeries, closeSeries, recordSample, runPoint, startSeries, withRecorder } from '../../domain/throughput-series';
import { RunOrchestrator } from '../orchestrate-run/run-orchestrator.service';
import { PipelineSettings } from '../pipeline-settings';
import { RunLog } from '../run-log/run-log.service';
import { RunSeriesSettings } from './run-series-settings';

interface Recording {
  series: ThroughputSeries;
  recorders: SeriesRecorder[];
  savedAt: number;
  failing: boolean;
}

/**
 * Records the throughput series of the runs this process drives: once a base interval it reads each
 * run's live counters (one Redis read, the figures the workers keep per finished slice, nothing per
 * order) and every few seconds writes the bounded series to the database. A run another process
 * drives is left to it; a run this process adopts continues the series stored before.
 */
@Injectable()
export class RunSeriesRecorder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly recordings = new Map<string, Recording>();
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | null = null;

  constructor(
    private readonly orchestrator: RunOrchestrator,
    private readonly runs: RunStore,
    private readonly counters: RunCounters,
    private readonly store: RunSeriesStore,
    private readonly settings: RunSeriesSettings,
    private readonly pipeline: PipelineSettings,
    private readonly log: RunLog,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.pipeline.orchestrate) return;
    this.timer = setInterval(() => void this.recordOnce(), this.settings.limits.baseIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
    await Promise.allSettled([...this.recordings].map(([runId, recording]) => this.save(runId, recording)));
    this.recordings.clear();
  }

  /** One pass over the driven runs: starts, samples, saves when due, and saves a last time the runs it no longer drives. */
  recordOnce(): Promise<void> {
    this.pass ??= this.recordDriven().finally(() => (this.pass = null));
    return this.pass;
  }

  private async recordDriven(): Promise<void> {
    const driven = new Set(this.orchestrator.drivenRunIds());
    for (const runId of driven) {
      if (!this.recordings.has(runId)) await this.begin(runId).catch((error) => this.log.warn(`run ${runId}: series not started: ${(error as Error).message}`));
    }
    for (const [runId, recording] of this.recordings) {
      if (!driven.has(runId)) {
        this.recordings.delete(runId);
        await this.close(runId, recording);
        await this.save(runId, recording);
        continue;
      }
      await this.sample(runId, recording);
      if (Date.now() - recording.savedAt >= this.settings.saveEveryMs) await this.save(runId, recording);
    }
  }

  /** Continues the series stored for the run (an adoption, a resumed two-step run, a retry) or starts one at its creation. */
  private async begin(runId: string): Promise<void> {
    const now = Date.now();
    const stored = await this.store.find(runId);
    if (stored) {
      this.recordings.set(runId, { series: stored.series, recorders: withRecorder(stored.recorders, this.settings.recorderName, now), savedAt: 0, failing: false });
      return;
    }
    const run = await this.runs.findById(runId);
    if (!run) return;
    const series = startSeries(run.createdAt.getTime(), this.settings.limits);
    this.recordings.set(runId, { series, recorders: withRecorder([], this.settings.recorderName, now), savedAt: 0, failing: false });
  }

  /**
   * Once this process stops driving the run: a run that finished (DONE or ERROR) ends with its final figures, as
   * recorded with its last phase, so the stored series adds up to the run's counts; the last jobs of a lane may
   * have finished after the last sample. A cancelled run's figures are recounted later, by the cancel: the report
   * ends its series with them.
   */
  private async close(runId: string, recording: Recording): Promise<void> {
    try {
      const run = await this.runs.findById(runId);
      if (run?.finishedAt) recording.series = closeSeries(recording.series, runPoint(run, Date.now()), this.settings.limits);
    } catch (error) {
      this.warnOnce(runId, recording, error as Error);
    }
  }

  private async sample(runId: string, recording: Recording): Promise<void> {
    try {
      const live = await this.counters.read(runId);
      recording.series = recordSample(recording.series, sampleOf(live, recording.series, Date.now()), this.settings.limits);
    } catch (error) {
      this.warnOnce(runId, recording, error as Error);
    }
  }

  private async save(runId: string, recording: Recording): Promise<void> {
    try {
      const saved = await this.store.save({ runId, series: recording.series, recorders: recording.recorders });
      if (!saved) this.log.warn(`run ${runId}: a newer throughput series is stored (another process drives the run); this copy was not saved`);
      recording.savedAt = Date.now();
      recording.failing = false;
    } catch (error) {
      this.warnOnce(runId, recording, error as Error);
    }
  }

  /** One warning while recording keeps failing (the database or Redis away), not one a second. */
  private warnOnce(runId: string, recording: Recording, error: Error): void {
    if (!recording.failing) this.log.warn(`run ${runId}: throughput series not recorded for now: ${error.message}`);
    recording.failing = true;
  }
}

/** What the counters say now; before the first job reports (no counters yet) nothing has changed since the last point. */
function sampleOf(live: LiveCounters | null, series: ThroughputSeries, at: number): SeriesPoint {
  const last = series.points[series.points.length - 1];
  if (!live) return { at, vip: last?.vip ?? 0, normal: last?.normal ?? 0, failed: last?.failed ?? 0 };
  return { at, vip: live.vipProcessed, normal: live.normalProcessed, failed: live.failed };
}
