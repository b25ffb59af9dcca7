import type { RunSummary } from '@pedidos/contract';
import type { MessageKey } from './i18n/dictionary';

export type MetricKind = 'count' | 'duration' | 'rate';

export interface ComparedMetric {
  labelKey: MessageKey;
  kind: MetricKind;
  a: number | null;
  b: number | null;
  /** b − a, or null when either side is missing. */
  diff: number | null;
  /** diff as a share of a (percent), or null when a is missing or zero. */
  diffPercent: number | null;
  /** Whether b is better than a: faster, higher throughput; null when "better" has no meaning. */
  better: boolean | null;
}

interface MetricSpec {
  labelKey: MessageKey;
  kind: MetricKind;
  read: (run: RunSummary) => number | null | undefined;
  /** Which direction is an improvement, if any. */
  prefer?: 'higher' | 'lower';
}

const METRICS: MetricSpec[] = [
  { labelKey: 'run.target', kind: 'count', read: (r) => r.target },
  { labelKey: 'run.generated', kind: 'count', read: (r) => r.generated },
  { labelKey: 'cards.vip', kind: 'count', read: (r) => r.counts?.vip },
  { labelKey: 'cards.normal', kind: 'count', read: (r) => r.counts?.normal },
  { labelKey: 'cards.failed', kind: 'count', read: (r) => r.counts?.failed, prefer: 'lower' },
  { labelKey: 'cards.cancelled', kind: 'count', read: (r) => r.counts?.cancelled },
  { labelKey: 'cards.generationTime', kind: 'duration', read: (r) => r.generationTimeMs, prefer: 'lower' },
  { labelKey: 'cards.enqueueVipTime', kind: 'duration', read: (r) => r.enqueueVipTimeMs, prefer: 'lower' },
  { labelKey: 'cards.processingVip', kind: 'duration', read: (r) => r.processing?.vip?.timeMs, prefer: 'lower' },
  { labelKey: 'cards.enqueueNormalTime', kind: 'duration', read: (r) => r.enqueueNormalTimeMs, prefer: 'lower' },
  { labelKey: 'cards.processingNormal', kind: 'duration', read: (r) => r.processing?.normal?.timeMs, prefer: 'lower' },
  { labelKey: 'cards.totalTime', kind: 'duration', read: (r) => r.totalTimeMs, prefer: 'lower' },
  { labelKey: 'cards.throughputVip', kind: 'rate', read: (r) => r.throughput?.vip, prefer: 'higher' },
  { labelKey: 'cards.throughputNormal', kind: 'rate', read: (r) => r.throughput?.normal, prefer: 'higher' },
  { labelKey: 'cards.throughputOverall', kind: 'rate', read: (r) => r.throughput?.overall, prefer: 'higher' },
];

const toNumber = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Every numeric figure of two runs side by side, with the difference B − A. */
export function compareRuns(a: RunSummary, b: RunSummary): ComparedMetric[] {
  return METRICS.map(({ labelKey, kind, read, prefer }) => {
    const va = toNumber(read(a));
    const vb = toNumber(read(b));
    const diff = va !== null && vb !== null ? vb - va : null;
    const diffPercent = diff !== null && va ? (diff / va) * 100 : null;
    const better = diff === null || diff === 0 || !prefer ? null : prefer === 'higher' ? diff > 0 : diff < 0;
    return { labelKey, kind, a: va, b: vb, diff, diffPercent, better };
  });
}

/** Processed orders of a run (VIP + NORMAL). */
export const processedOf = (run: RunSummary): number | null =>
  run.counts ? (run.counts.vip ?? 0) + (run.counts.normal ?? 0) : null;
