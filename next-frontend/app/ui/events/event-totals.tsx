'use client';

import type { EventMetrics } from '@pedidos/contract';
import { formatRate } from '@/app/lib/events/event-format';
import { formatDuration, formatNumber } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { FigureGroup } from '@/app/ui/common/figure-group';
import { useEventMetrics } from './use-event-metrics';

/** Every total of `GET /events/metrics`: events by outcome, averages, and the batch statistics. */
export function EventTotals({ fallback }: { fallback?: EventMetrics }) {
  const { t, locale } = useI18n();
  const { data: metrics } = useEventMetrics(fallback);
  if (!metrics) return null;
  const { rates, batches } = metrics;
  const unit = t('events.unit');

  return (
    <div className="figure-grid">
      <FigureGroup
        title={t('events.totals')}
        figures={[
          { label: t('events.accepted'), value: formatNumber(locale, metrics.accepted), id: 'events.accepted', raw: metrics.accepted },
          { label: t('events.stored'), value: formatNumber(locale, metrics.stored), id: 'events.stored', raw: metrics.stored },
          { label: t('events.duplicates'), value: formatNumber(locale, metrics.duplicates), id: 'events.duplicates', raw: metrics.duplicates },
          { label: t('events.deadLettered'), value: formatNumber(locale, metrics.deadLettered), id: 'events.deadLettered', raw: metrics.deadLettered },
          { label: t('events.acceptedAvg'), value: `${formatRate(locale, rates?.acceptedAvgPerSec)} ${unit}`, id: 'events.acceptedAvgPerSec', raw: rates?.acceptedAvgPerSec },
          { label: t('events.storedAvg'), value: `${formatRate(locale, rates?.storedAvgPerSec)} ${unit}`, id: 'events.storedAvgPerSec', raw: rates?.storedAvgPerSec },
        ]}
      />
      <FigureGroup
        title={t('events.batchesStored')}
        figures={[
          { label: t('events.batchesStored'), value: formatNumber(locale, batches?.stored), id: 'events.batches.stored', raw: batches?.stored },
          { label: t('events.batchSizeP50'), value: formatNumber(locale, batches?.sizeP50), id: 'events.batches.sizeP50', raw: batches?.sizeP50 },
          { label: t('events.batchSizeP99'), value: formatNumber(locale, batches?.sizeP99), id: 'events.batches.sizeP99', raw: batches?.sizeP99 },
          { label: t('events.writeP50'), value: formatDuration(locale, batches?.writeMsP50), id: 'events.batches.writeMsP50', raw: batches?.writeMsP50 },
          { label: t('events.writeP99'), value: formatDuration(locale, batches?.writeMsP99), id: 'events.batches.writeMsP99', raw: batches?.writeMsP99 },
        ]}
      />
    </div>
  );
}
