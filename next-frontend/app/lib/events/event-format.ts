import { EMPTY, formatClock, formatNumber } from '../format';
import type { Locale } from '../i18n/locales';
import { EVENT_TYPES, type CountsByType, type EventType } from '@pedidos/contract';

/** Events per second: one decimal while small ("2,5"), whole numbers above 10 ("1.234"). */
export function formatRate(locale: Locale, perSecond: number | null | undefined): string {
  if (typeof perSecond !== 'number' || !Number.isFinite(perSecond)) return EMPTY;
  return formatNumber(locale, perSecond, Math.abs(perSecond) < 10 ? 1 : 0);
}

/** Time of day to the second ("23:40:12"), for the chart's newest point and the batch list. */
export function formatTimeOfDay(locale: Locale, value: string | number | null | undefined, timeZone?: string): string {
  const clock = formatClock(locale, value, timeZone);
  return clock === EMPTY ? clock : clock.replace(/[.,]\d{3}$/, '');
}

/** The types present in a count, in the usual order, with their counts. */
export function typeMix(types: CountsByType | null | undefined): [EventType, number][] {
  return EVENT_TYPES.filter((type) => (types?.[type] ?? 0) > 0).map((type) => [type, types?.[type] ?? 0]);
}

/** part/total as 0–100, or null when there is no total to be a share of. */
export function sharePercent(part: number | null | undefined, total: number | null | undefined): number | null {
  if (typeof part !== 'number' || typeof total !== 'number' || !(total > 0)) return null;
  return (part / total) * 100;
}

/** How full a bounded quantity is, 0–100 (the current batch against its size limit or flush time). */
export function fillPercent(value: number | null | undefined, limit: number | null | undefined): number | null {
  const share = sharePercent(value ?? null, limit ?? null);
  return share === null ? null : Math.min(100, Math.max(0, share));
}
