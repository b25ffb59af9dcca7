import type { StatusSnapshot } from '@pedidos/contract';
import { Injectable } from '@nestjs/common';
import { ProgressSample, currentRate } from '../../domain/metrics';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { LatestRunCopy } from '../../domain/ports/latest-run-copy.port';
import { ProcessRun, withLiveCounters } from '../../domain/run';
import { statusView } from './status-view';

const CURRENT_RATE_WINDOW_MS = 5_000;
const MIN_SAMPLE_GAP_MS = 200;

/**
 * `GET /pedidos`: the latest run (from its Redis mirror) and the workers' live counters, two Redis
 * reads whatever the run's size. It keeps recent samples of the processed total to tell the current rate.
 */
@Injectable()
export class ReadStatusService {
  private samples: ProgressSample[] = [];
  private sampledRunId: string | null = null;
  private lastProgressAt: number | null = null;

  constructor(
    private readonly latestRun: LatestRunCopy,
    private readonly counters: RunCounters,
  ) {}

  async snapshot(): Promise<StatusSnapshot> {
    // One round trip, not two in a row: the counters are read along with the run, for the run seen last time.
    const expected = this.sampledRunId;
    const [run, expectedLive] = await Promise.all([this.latestRun.read(), expected ? this.counters.read(expected) : null]);
    const now = Date.now();
    if (!run) return statusView(null, new Date(now));
    const current = run.runId === expected && !run.finishedAt ? withLiveCounters(run, expectedLive) : await this.withLive(run);
    this.sample(current, now);
    return statusView(current, new Date(now), currentRate(this.samples, CURRENT_RATE_WINDOW_MS, now));
  }

  /** When this process last saw the processed total move (null before it saw any run progress). */
  lastProgress(): number | null {
    return this.lastProgressAt;
  }

  /** A run with the live counters folded in while it is not finished. */
  async withLive(run: ProcessRun): Promise<ProcessRun> {
    return run.finishedAt ? run : withLiveCounters(run, await this.counters.read(run.runId));
  }

  private sample(run: ProcessRun, now: number): void {
    if (this.sampledRunId !== run.runId) {
      this.samples = [];
      this.sampledRunId = run.runId;
      this.lastProgressAt = now;
    }
    const processed = run.processing.vip.count + run.processing.normal.count + run.failed;
    const last = this.samples[this.samples.length - 1];
    if (last && processed !== last.processed) this.lastProgressAt = now;
    if (last && now - last.at < MIN_SAMPLE_GAP_MS) return;
    this.samples.push({ at: now, processed });
    while (this.samples.length > 0 && now - this.samples[0].at > CURRENT_RATE_WINDOW_MS * 2) this.samples.shift();
  }
}
