import type { EventMetrics } from '@pedidos/contract';
import { RATE_WINDOW_MS, backlog, percentile, rateOverWindow, storedIn, timelineFromFields } from '../../../domain/events/event-metrics';
import { rate } from '../../../domain/metrics';
import { EVENT_TYPES, EventType, countsByType } from '../../../domain/events/interaction-event';
import { EventMetricsState } from '../../../domain/events/ports/event-metrics-store.port';
import { BatchingPolicy } from '../../../domain/events/batching-policy';

/** The body of `GET /events/metrics` and of the `events:metrics` socket event (the contract's `EventMetrics`). */
export type EventMetricsView = EventMetrics;

/** A consumer that has not said anything for this long is gone (killed); its half-filled batch is not shown. */
const CONSUMER_SILENT_MS = 30_000;

/** Turns the raw figures into the wire view: percentiles, rates, the timeline, ISO dates. */
export function eventMetricsView(state: EventMetricsState, policy: BatchingPolicy, now: number): EventMetricsView {
  const seconds = timelineFromFields(state.timeline, now);
  const live = Object.values(state.current).filter(
    (consumer) => consumer.size > 0 && now - consumer.updatedAt <= Math.max(CONSUMER_SILENT_MS, 4 * policy.flushMs),
  );
  const oldest = Math.min(...live.map((consumer) => consumer.oldestAt ?? now));
  const byType = countsByType();
  for (const type of EVENT_TYPES) byType[type] = state.storedByType[type] ?? 0;
  // Averages run from the first event after the last reset to the latest one, so they hold still while idle.
  const average = (count: number, last: number | null) => (state.since === null || last === null ? 0 : rate(count, Math.max(1000, last - state.since)));
  return {
    accepted: state.accepted,
    stored: state.stored,
    duplicates: state.duplicates,
    deadLettered: state.deadLettered,
    inQueue: backlog(state),
    batches: {
      stored: state.batchesStored,
      current: {
        size: live.reduce((sum, consumer) => sum + consumer.size, 0),
        ageMs: live.length === 0 ? 0 : Math.max(0, now - oldest),
        limit: policy.size,
        flushMs: policy.flushMs,
      },
      sizeP50: percentile(state.sample.map((batch) => batch.size), 50),
      sizeP99: percentile(state.sample.map((batch) => batch.size), 99),
      writeMsP50: percentile(state.sample.map((batch) => batch.durationMs), 50),
      writeMsP99: percentile(state.sample.map((batch) => batch.durationMs), 99),
      recent: state.recent.map((batch) => ({ batchId: batch.batchId, size: batch.size, durationMs: batch.durationMs, storedAt: new Date(batch.storedAt).toISOString(), types: batch.types })),
    },
    byType,
    rates: {
      acceptedPerSec: rateOverWindow(seconds, (second) => second.accepted, RATE_WINDOW_MS, now),
      storedPerSec: rateOverWindow(seconds, storedIn, RATE_WINDOW_MS, now),
      acceptedAvgPerSec: average(state.accepted, state.lastAcceptedAt),
      storedAvgPerSec: average(state.stored, state.lastStoredAt),
    },
    timeline: {
      intervalMs: 1000,
      points: seconds.map((second) => ({ at: new Date(second.second * 1000).toISOString(), accepted: second.accepted, stored: storedIn(second), byType: second.stored })),
    },
    since: state.since === null ? null : new Date(state.since).toISOString(),
  };
}
