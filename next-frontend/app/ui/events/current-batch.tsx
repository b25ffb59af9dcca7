'use client';

import type { EventMetrics } from '@pedidos/contract';
import { fillPercent } from '@/app/lib/events/event-format';
import { formatDuration, formatNumber } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { Meter } from '@/app/ui/common/meter';
import { useEventMetrics } from './use-event-metrics';

/** The batch the consumers are filling now: its size against the size limit, its age against the flush time. */
export function CurrentBatch({ fallback }: { fallback?: EventMetrics }) {
  const { t, locale } = useI18n();
  const { data: metrics } = useEventMetrics(fallback);
  const current = metrics?.batches?.current;
  const sizeText = t('events.batch.sizeOf', { size: formatNumber(locale, current?.size), limit: formatNumber(locale, current?.limit) });
  const ageText = t('events.batch.ageOf', { age: formatDuration(locale, current?.ageMs), flush: formatDuration(locale, current?.flushMs) });
  const meters = [
    { id: 'size', label: t('events.batch.size'), value: current?.size, limit: current?.limit, text: sizeText, tone: 'accent' },
    { id: 'age', label: t('events.batch.age'), value: current?.ageMs, limit: current?.flushMs, text: ageText, tone: 'vip' },
  ] as const;

  return (
    <section className="card stack" aria-labelledby="current-batch-title">
      <h2 id="current-batch-title" className="card-title">
        {t('events.batch.title')}
      </h2>
      {meters.map((meter) => (
        <div key={meter.id} className="progress-block">
          <div className="progress-head">
            <span className="label">{meter.label}</span>
            <span className="num" data-testid={`events-batch-${meter.id}`} data-value={meter.value ?? undefined}>
              {meter.text}
            </span>
          </div>
          <Meter percent={fillPercent(meter.value, meter.limit)} tone={meter.tone} label={meter.label} valueText={meter.text} />
        </div>
      ))}
      <p className="muted small">
        {t('events.batch.hint', { limit: formatNumber(locale, current?.limit), flush: formatDuration(locale, current?.flushMs) })}
      </p>
    </section>
  );
}
