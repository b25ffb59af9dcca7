/**
 * The browser's time zone, remembered in a cookie so dates rendered on the server match the ones
 * rendered in the browser (no hydration mismatch). Until the browser reports it, UTC is used.
 */
export const TIME_ZONE_COOKIE = 'pedidos-tz';
export const DEFAULT_TIME_ZONE = 'UTC';

export function toTimeZone(value: string | null | undefined): string {
  if (!value) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}
