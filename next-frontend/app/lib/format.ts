import type { Locale } from './i18n/locales';

/** Shown wherever the backend has no value yet; never a made-up zero. */
export const EMPTY = '—';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(cacheKey, format);
  }
  return format;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Integer or decimal with the locale's grouping ("1.000.000" in pt-BR, "1,000,000" in en). */
export function formatNumber(locale: Locale, value: number | null | undefined, maximumFractionDigits = 0): string {
  return isFiniteNumber(value) ? numberFormat(locale, { maximumFractionDigits }).format(value) : EMPTY;
}

/** A 0–100 percentage ("65,0%" / "65.0%"). */
export function formatPercent(locale: Locale, percent: number | null | undefined): string {
  if (!isFiniteNumber(percent)) return EMPTY;
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    percent / 100,
  );
}

/** Short axis labels ("50 mil" / "50K"). */
export function formatCompact(locale: Locale, value: number): string {
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/**
 * A duration in the largest sensible units: "812 ms", "5,1 s", "3 min 05 s", "1 h 02 min".
 * Units are SI symbols, the same in both languages.
 */
export function formatDuration(locale: Locale, ms: number | null | undefined): string {
  if (!isFiniteNumber(ms) || ms < 0) return EMPTY;
  if (ms < 1000) return `${formatNumber(locale, Math.round(ms))} ms`;
  if (ms < 60_000) {
    return `${numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.floor(ms / 100) / 10)} s`;
  }
  const totalSeconds = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)} min ${pad(totalSeconds % 60)} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  return `${formatNumber(locale, Math.floor(totalMinutes / 60))} h ${pad(totalMinutes % 60)} min`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(cacheKey, format);
  }
  return format;
}

function toDate(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Date and time ("21/11/2026 14:00:00" / "11/21/26, 2:00:00 PM"). */
export function formatDateTime(locale: Locale, value: string | number | null | undefined, timeZone?: string): string {
  const date = toDate(value);
  return date ? dateFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone }).format(date) : EMPTY;
}

/** Time of day with milliseconds, for log lines ("14:00:00,123"). */
export function formatClock(locale: Locale, value: string | number | null | undefined, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return EMPTY;
  return dateFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hour12: false,
    timeZone,
  }).format(date);
}

/** Shortens a run id for tables ("8f3c2a1b…"); the full id stays in the title/link. */
export function shortId(id: string | null | undefined, length = 8): string {
  if (!id) return EMPTY;
  return id.length > length + 1 ? `${id.slice(0, length)}…` : id;
}
