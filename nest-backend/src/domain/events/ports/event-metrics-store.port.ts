import { EventType } from '../interaction-event';

/** One written batch, as the metrics keep it. */
export interface BatchRecord {
  batchId: string;
  size: number;
  stored: number;
  duplicates: number;
  storedByType: Partial<Record<EventType, number>>;
  durationMs: number;
  storedAt: number;
}

/** A written batch in the recent-batches list; `types` counts all its events (stored or duplicate). */
export interface RecentBatch {
  batchId: string;
  size: number;
  durationMs: number;
  storedAt: number;
  types: Partial<Record<EventType, number>>;
}

/** The batch a consumer is filling now. */
export interface CurrentBatch {
  size: number;
  oldestAt: number | null;
}

/** Everything the metrics store holds, as raw figures (the read model turns them into `EventMetrics`). */
export interface EventMetricsState {
  accepted: number;
  stored: number;
  duplicates: number;
  deadLettered: number;
  batchesStored: number;
  storedByType: Partial<Record<EventType, number>>;
  since: number | null;
  lastAcceptedAt: number | null;
  lastStoredAt: number | null;
  /** `{size, durationMs}` of the last BATCH_SAMPLE_SIZE batches. */
  sample: { size: number; durationMs: number }[];
  /** Newest first. */
  recent: RecentBatch[];
  /** Per-second fields (see timelineFromFields). */
  timeline: Record<string, string>;
  /** What each consumer holds now, by consumer. */
  current: Record<string, CurrentBatch & { updatedAt: number }>;
}

/** Counters and samples kept as work happens, never recomputed from the stored events. */
export abstract class EventMetricsStore {
  abstract recordAccepted(count: number, at: number): Promise<void>;
  /** `types` counts every event of the batch by type (stored or duplicate), for the recent-batches list. */
  abstract recordBatch(batch: BatchRecord, types: Partial<Record<EventType, number>>): Promise<void>;
  /** Events moved into (+) or out of (−) the dead letters. */
  abstract recordDeadLettered(delta: number): Promise<void>;
  abstract publishCurrent(consumerId: string, current: CurrentBatch, at: number): Promise<void>;
  abstract read(): Promise<EventMetricsState>;
  abstract reset(): Promise<void>;
}
