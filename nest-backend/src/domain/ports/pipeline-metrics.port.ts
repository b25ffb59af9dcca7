import { Priority } from '../order';

/** How one attempt at a queued slice ended: its orders written, skipped (its run no longer holds the slot), or thrown. */
export type SliceAttemptOutcome = 'processed' | 'skipped' | 'failed';

/**
 * Operational figures the use cases report as work happens, for an exporter (Prometheus) to expose.
 * Every call covers a slice or a phase, never one order: the hot path adds one call per job.
 * Implementations must not throw and must not block (no I/O).
 */
export abstract class PipelineMetrics {
  /** A worker finished one attempt at a slice of `orders` orders, after `seconds`. */
  abstract sliceAttempted(attempt: { priority: Priority; orders: number; outcome: SliceAttemptOutcome; seconds: number }): void;
  /** A slice changed `count` orders from pending to processed (what the run's counters count too). */
  abstract ordersProcessed(priority: Priority, count: number): void;
  /** `count` orders failed every attempt and went to the dead letters. */
  abstract ordersDeadLettered(priority: Priority, count: number): void;
  /** A run's orders are all stored, `seconds` after its generation started. */
  abstract generationFinished(seconds: number): void;
  /** A lane drained (no job left, no order of its priority pending) after this process watched it for `seconds`. */
  abstract laneDrained(priority: Priority, seconds: number): void;
}
