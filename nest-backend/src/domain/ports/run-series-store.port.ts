import { RecordedSeries } from '../throughput-series';

/** The throughput series kept with each run (one small bounded document per run). */
export abstract class RunSeriesStore {
  abstract find(runId: string): Promise<RecordedSeries | null>;
  /**
   * Stores the series unless the one stored already reaches further in time (written by a process that
   * took the run over); returns whether it was stored.
   */
  abstract save(recorded: RecordedSeries): Promise<boolean>;
  abstract deleteAll(): Promise<number>;
}
