import { rate } from '../metrics';
import { EVENT_TYPES, EventType, countsByType } from './interaction-event';

/** Batches whose size and write time the percentiles are taken over. */
export const BATCH_SAMPLE_SIZE = 1_000;
/** Batches listed as the most recent. */
export const RECENT_BATCHES = 20;
/** Seconds of per-second history kept. */
export const TIMELINE_SECONDS = 300;
/** The "now" rates are taken over this window. */
export const RATE_WINDOW_MS = 5_000;

/** The `p`-th percentile (0–100, nearest rank) of a sample; null for an empty sample. */
export function percentile(sample: readonly number[], p: number): number | null {
  if (sample.length === 0) return null;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Counts of one second of the timeline. */
export interface SecondCounts {
  second: number;
  accepted: number;
  stored: Record<EventType, number>;
}

/**
 * Sum of the seconds in the `windowMs` before `now` (the current, partial second included) divided by the
 * window, so a burst that stops decays to 0 within the window.
 */
export function rateOverWindow(seconds: readonly SecondCounts[], pick: (second: SecondCounts) => number, windowMs: number, now: number): number {
  const fromSecond = Math.floor((now - windowMs) / 1000) + 1;
  const total = seconds.filter((second) => second.second >= fromSecond).reduce((sum, second) => sum + pick(second), 0);
  return rate(total, windowMs);
}

export function storedIn(second: SecondCounts): number {
  return EVENT_TYPES.reduce((sum, type) => sum + second.stored[type], 0);
}

/**
 * Rebuilds the per-second counts from a flat map `<epochSecond>:a` → accepted and `<epochSecond>:s:<type>` →
 * stored (how the metrics store keeps them); seconds older than TIMELINE_SECONDS before `now` are left out.
 */
export function timelineFromFields(fields: Record<string, string>, now: number): SecondCounts[] {
  const oldest = Math.floor(now / 1000) - TIMELINE_SECONDS + 1;
  const bySecond = new Map<number, SecondCounts>();
  for (const [field, value] of Object.entries(fields)) {
    const [secondText, kind, type] = field.split(':');
    const second = Number(secondText);
    if (!Number.isInteger(second) || second < oldest) continue;
    let counts = bySecond.get(second);
    if (!counts) bySecond.set(second, (counts = { second, accepted: 0, stored: countsByType() }));
    if (kind === 'a') counts.accepted += Number(value);
    else if (kind === 's' && type in counts.stored) counts.stored[type as EventType] += Number(value);
  }
  return [...bySecond.values()].sort((a, b) => a.second - b.second);
}

/** Events accepted but neither stored, found already stored, nor dead-lettered: the backlog. Never negative. */
export function backlog(counts: { accepted: number; stored: number; duplicates: number; deadLettered: number }): number {
  return Math.max(0, counts.accepted - counts.stored - counts.duplicates - counts.deadLettered);
}
