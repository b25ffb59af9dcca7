'use client';

import type { EventMetrics } from '@/app/lib/events/types';
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

  return (
    <section className="card stack" aria-labelledby="current-batch-title">
      <h2 id="current-batch-title" className="card-title">
        {t('events.batch.title')}
      </h2>
      <div className="progress-block">
        <div className="progress-head">
          <span className="label">{t('events.batch.size')}</span>
          <span className="num" data-testid="events-batch-size" data-value={current?.size ?? undefined}>
            {sizeText}
          </span>
        </div>
        <Meter percent={fillPercent(current?.size, current?.limit)} label={t('events.batch.size')} valueText={sizeText} testId="events-batch-size-meter" />
      </div>
      <div className="progress-block">
        <div className="progress-head">
          <span className="label">{t('events.batch.age')}</span>
          <span className="num" data-testid="events-batch-age" data-value={current?.ageMs ?? undefined}>
            {ageText}
          </span>
        </div>
        <Meter percent={fillPercent(current?.ageMs, current?.flushMs)} tone="vip" label={t('events.batch.age')} valueText={ageText} />
      </div>
      <p className="muted small">
        {t('events.batch.hint', { limit: formatNumber(locale, current?.limit), flush: formatDuration(locale, current?.flushMs) })}
      </p>
    </section>
  );
}
