'use client';

import type { EventMetrics } from '@/app/lib/events/types';
import { formatRate } from '@/app/lib/events/event-format';
import { formatDateTime, formatDuration, formatNumber } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { FigureGroup } from '@/app/ui/common/figure-group';
import { useEventMetrics } from './use-event-metrics';

/** The live rates and the queue backlog in large type, and every total of `GET /events/metrics`. */
export function EventRates({ fallback }: { fallback?: EventMetrics }) {
  const { t, locale, timeZone } = useI18n();
  const { data: metrics, error } = useEventMetrics(fallback);
  const unit = t('events.unit');

  if (!metrics) {
    return (
      <section className="card" aria-labelledby="event-rates-title">
        <h2 id="event-rates-title" className="card-title">
          {t('events.rates')}
        </h2>
        <p className="muted" data-testid="events-unavailable">
          {error ? t('events.unavailable') : t('loading')}
        </p>
      </section>
    );
  }
  const { rates, batches } = metrics;
  const tiles = [
    { id: 'rate-accepted', label: t('events.acceptedNow'), value: rates?.acceptedPerSec, text: formatRate(locale, rates?.acceptedPerSec), unit },
    { id: 'rate-stored', label: t('events.storedNow'), value: rates?.storedPerSec, text: formatRate(locale, rates?.storedPerSec), unit },
    { id: 'in-queue', label: t('events.inQueue'), value: metrics.inQueue, text: formatNumber(locale, metrics.inQueue), unit: null },
  ];

  return (
    <section className="card event-rates" aria-labelledby="event-rates-title">
      <h2 id="event-rates-title" className="card-title">
        {t('events.rates')}
      </h2>
      <div className="priority-grid">
        {tiles.map((tile) => (
          <div key={tile.id} className="priority">
            <span className="label">{tile.label}</span>
            <p className="num big" data-testid={`events-${tile.id}`} data-value={tile.value ?? undefined}>
              {tile.text} {tile.unit ? <span className="unit">{tile.unit}</span> : null}
            </p>
          </div>
        ))}
      </div>
      <p className="muted small">
        {t('events.rateHint', { since: formatDateTime(locale, metrics.since, timeZone) })}
      </p>
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
    </section>
  );
}
