import type { OrderCounts, ProcessingWindow, Throughput } from '@pedidos/contract';
import { formatDateTime, formatDuration, formatNumber } from '@/app/lib/format';
import type { Translate } from '@/app/lib/i18n/dictionary';
import type { Locale } from '@/app/lib/i18n/locales';
import type { Figure } from './figure-group';

/** Formatting context shared by the figure builders. */
export interface FigureFormat {
  t: Translate;
  locale: Locale;
  timeZone: string;
}

/** Figures shared by the status snapshot and a run summary, built once here (same labels, same formats). */
export function timingFigures(
  source: {
    generationTimeMs: number | null;
    enqueueVipTimeMs: number | null;
    enqueueNormalTimeMs: number | null;
    totalTimeMs: number | null;
  },
  { t, locale }: FigureFormat,
): Figure[] {
  return [
    { label: t('cards.generationTime'), value: formatDuration(locale, source.generationTimeMs), id: 'generationTimeMs', raw: source.generationTimeMs },
    { label: t('cards.enqueueVipTime'), value: formatDuration(locale, source.enqueueVipTimeMs), id: 'enqueueVipTimeMs', raw: source.enqueueVipTimeMs },
    { label: t('cards.enqueueNormalTime'), value: formatDuration(locale, source.enqueueNormalTimeMs), id: 'enqueueNormalTimeMs', raw: source.enqueueNormalTimeMs },
    { label: t('cards.totalTime'), value: formatDuration(locale, source.totalTimeMs), id: 'totalTimeMs', raw: source.totalTimeMs },
  ];
}

export function processingFigures(window: ProcessingWindow | null | undefined, prefix: string, { t, locale, timeZone }: FigureFormat): Figure[] {
  return [
    { label: t('cards.start'), value: formatDateTime(locale, window?.start, timeZone), id: `${prefix}.start`, raw: window?.start },
    { label: t('cards.end'), value: formatDateTime(locale, window?.end, timeZone), id: `${prefix}.end`, raw: window?.end },
    { label: t('cards.time'), value: formatDuration(locale, window?.timeMs), id: `${prefix}.timeMs`, raw: window?.timeMs },
    { label: t('cards.count'), value: formatNumber(locale, window?.count), id: `${prefix}.count`, raw: window?.count },
  ];
}

export function countFigures(counts: OrderCounts | null | undefined, { t, locale }: FigureFormat): Figure[] {
  return [
    { label: t('cards.vip'), value: formatNumber(locale, counts?.vip), id: 'counts.vip', raw: counts?.vip },
    { label: t('cards.normal'), value: formatNumber(locale, counts?.normal), id: 'counts.normal', raw: counts?.normal },
    { label: t('cards.failed'), value: formatNumber(locale, counts?.failed), id: 'counts.failed', raw: counts?.failed },
    { label: t('cards.cancelled'), value: formatNumber(locale, counts?.cancelled), id: 'counts.cancelled', raw: counts?.cancelled },
  ];
}

export function throughputFigures(throughput: Throughput | null | undefined, { t, locale }: FigureFormat): Figure[] {
  return [
    { label: t('cards.throughputVip'), value: formatNumber(locale, throughput?.vip), id: 'throughput.vip', raw: throughput?.vip },
    { label: t('cards.throughputNormal'), value: formatNumber(locale, throughput?.normal), id: 'throughput.normal', raw: throughput?.normal },
    { label: t('cards.throughputOverall'), value: formatNumber(locale, throughput?.overall), id: 'throughput.overall', raw: throughput?.overall },
    { label: t('cards.throughputCurrent'), value: formatNumber(locale, throughput?.current), id: 'throughput.current', raw: throughput?.current },
  ];
}
