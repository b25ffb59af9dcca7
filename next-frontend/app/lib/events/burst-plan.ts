import { parseQuantity } from '../controls';

/** The burst sends a chunk every this many milliseconds, so the backend sees a steady rate, not one spike. */
export const BURST_TICK_MS = 100;
/** Events per request: far below EVENTS_MAX_BATCH and the body limit, so a chunk is never refused for its size. */
export const BURST_MAX_REQUEST = 250;
/** Requests in flight at once; when the backend is slower than the rate, the burst falls behind instead of piling up. */
export const BURST_MAX_IN_FLIGHT = 4;

export const BURST_LIMITS = {
  maxCount: 100_000,
  maxRate: 5_000,
  /** A burst longer than this is a load test, not a check that the pipeline moves. */
  maxDurationMs: 10 * 60_000,
} as const;

export const DEFAULT_BURST = { count: 2_000, rate: 200 } as const;

export interface BurstSettings {
  count: number;
  /** Events per second. */
  rate: number;
}

export type BurstInputError = 'count' | 'rate' | 'duration';

/** Reads the form (digit grouping of either language accepted) and checks it against the bounds. */
export function parseBurst(countText: string, rateText: string): { ok: true; settings: BurstSettings } | { ok: false; error: BurstInputError } {
  const count = parseQuantity(countText);
  if (count === null || count > BURST_LIMITS.maxCount) return { ok: false, error: 'count' };
  const rate = parseQuantity(rateText);
  if (rate === null || rate > BURST_LIMITS.maxRate) return { ok: false, error: 'rate' };
  if (plannedDurationMs({ count, rate }) > BURST_LIMITS.maxDurationMs) return { ok: false, error: 'duration' };
  return { ok: true, settings: { count, rate } };
}

/** One chunk of the burst: `size` events sent `atMs` after the start. */
export interface BurstTick {
  atMs: number;
  size: number;
}

/** Events due once `elapsedMs` have passed: the rate's share, never more than the count. */
export function eventsDueBy({ count, rate }: BurstSettings, elapsedMs: number): number {
  return Math.min(count, Math.floor((rate * elapsedMs) / 1000 + 1e-9));
}

/**
 * The pacing plan: tick k (at k·tickMs) sends what became due during (k·tickMs, (k+1)·tickMs], so
 * the first chunk leaves at once and the last one when the count is reached. Ticks with nothing
 * due (rates under 10/s) are left out.
 */
export function planBurst(settings: BurstSettings, tickMs = BURST_TICK_MS): BurstTick[] {
  const ticks: BurstTick[] = [];
  let planned = 0;
  for (let k = 0; planned < settings.count; k++) {
    const due = eventsDueBy(settings, (k + 1) * tickMs);
    if (due > planned) {
      ticks.push({ atMs: k * tickMs, size: due - planned });
      planned = due;
    }
  }
  return ticks;
}

export function plannedDurationMs({ count, rate }: BurstSettings): number {
  return (count / rate) * 1000;
}

/** Splits one tick into request sizes of at most `max` events ([250, 250, 37]). */
export function splitIntoRequests(size: number, max = BURST_MAX_REQUEST): number[] {
  const sizes: number[] = [];
  for (let left = size; left > 0; left -= max) sizes.push(Math.min(left, max));
  return sizes;
}
