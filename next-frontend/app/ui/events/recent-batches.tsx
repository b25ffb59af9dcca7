'use client';

import type { EventMetrics } from '@pedidos/contract';
import { formatTimeOfDay } from '@/app/lib/events/event-format';
import { formatDuration, formatNumber, shortId } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { DataTable } from '@/app/ui/common/data-table';
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
      <DataTable
        testId="events-batches"
        style={{ marginTop: 12 }}
        empty={recent.length === 0 ? t('events.batches.empty') : null}
        columns={[
          { label: t('events.batches.col.storedAt') },
          { label: t('events.batches.col.id') },
          { label: t('events.batches.col.size'), num: true },
          { label: t('events.batches.col.duration'), num: true },
          { label: t('events.batches.col.types') },
        ]}
      >
        {recent.map((batch) => (
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
        ))}
      </DataTable>
    </section>
  );
}
