import { Priority } from '../order';
import { LiveCounters } from '../run';

/** Counters the workers update as they finish slices, shared by every process. */
export abstract class RunCounters {
  abstract recordProcessed(runId: string, priority: Priority, processed: number, startedAt: number, finishedAt: number): Promise<void>;
  abstract recordFailed(runId: string, failed: number): Promise<void>;
  abstract read(runId: string): Promise<LiveCounters | null>;
  /** Replaces the counts with ones recounted from the database, keeping the timestamps. */
  abstract overwriteCounts(runId: string, counts: Pick<LiveCounters, 'vipProcessed' | 'normalProcessed' | 'failed'>): Promise<void>;
  abstract delete(runId: string): Promise<void>;
  abstract deleteAll(): Promise<void>;
}
