'use client';

import type { EventMetrics } from '@/app/lib/events/types';
import { formatTimeOfDay } from '@/app/lib/events/event-format';
import { formatDuration, formatNumber, shortId } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { useEventMetrics } from './use-event-metrics';
import { TypeMix } from './type-mix';

/** The last stored batches (newest first, at most 20): when, how many events, how long the write took, which types. */
export function RecentBatches({ fallback }: { fallback?: EventMetrics }) {
  const { t, locale, timeZone } = useI18n();
  const { data: metrics } = useEventMetrics(fallback);
  const recent = metrics?.batches?.recent ?? [];

  return (
    <section className="card" aria-labelledby="recent-batches-title">
      <h2 id="recent-batches-title" className="card-title">
        {t('events.batches.title')}
      </h2>
      <div className="table-wrap" style={{ marginTop: 12 }}>
        <table data-testid="events-batches">
          <thead>
            <tr>
              <th scope="col">{t('events.batches.col.storedAt')}</th>
              <th scope="col">{t('events.batches.col.id')}</th>
              <th scope="col" className="num">
                {t('events.batches.col.size')}
              </th>
              <th scope="col" className="num">
                {t('events.batches.col.duration')}
              </th>
              <th scope="col">{t('events.batches.col.types')}</th>
            </tr>
          </thead>
          <tbody>
            {recent.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {t('events.batches.empty')}
                </td>
              </tr>
            ) : (
              recent.map((batch) => (
                <tr key={batch.batchId} data-testid="events-batch-row" data-size={batch.size}>
                  <td className="num nowrap">{formatTimeOfDay(locale, batch.storedAt, timeZone)}</td>
                  <td className="mono" title={batch.batchId}>
                    {shortId(batch.batchId)}
                  </td>
                  <td className="num">{formatNumber(locale, batch.size)}</td>
                  <td className="num">{formatDuration(locale, batch.durationMs)}</td>
                  <td>
                    <TypeMix types={batch.types} t={t} locale={locale} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
