'use client';

import type { EventMetrics } from '@pedidos/contract';
import { formatRate } from '@/app/lib/events/event-format';
import { formatDateTime, formatNumber } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { useEventMetrics } from './use-event-metrics';

/** The live rates and the queue backlog in large type. */
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
  const { rates } = metrics;
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
    </section>
  );
}
