'use client';

import { EVENT_TYPES, type EventMetrics } from '@pedidos/contract';
import { sharePercent } from '@/app/lib/events/event-format';
import { formatNumber, formatPercent } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { DataTable } from '@/app/ui/common/data-table';
import { useEventMetrics } from './use-event-metrics';

/** Stored events per type since the last reset, with each type's share of the total. */
export function TypeTotals({ fallback }: { fallback?: EventMetrics }) {
  const { t, locale } = useI18n();
  const { data: metrics } = useEventMetrics(fallback);
  const total = EVENT_TYPES.reduce((sum, type) => sum + (metrics?.byType?.[type] ?? 0), 0);

  return (
    <section className="card" aria-labelledby="type-totals-title">
      <h2 id="type-totals-title" className="card-title">
        {t('events.types.title')}
      </h2>
      <DataTable
        testId="events-types"
        style={{ marginTop: 12 }}
        columns={[
          { label: t('events.types.col.type') },
          { label: t('events.types.col.count'), num: true },
          { label: t('events.types.col.share'), num: true },
        ]}
      >
        {EVENT_TYPES.map((type) => {
          const count = metrics?.byType?.[type];
          return (
            <tr key={type}>
              <th scope="row">
                <span className="tag event-tag" data-type={type}>
                  {t(`events.type.${type}`)}
                </span>
              </th>
              <td className="num" data-testid={`events-type-${type}`} data-value={count ?? undefined}>
                {formatNumber(locale, count)}
              </td>
              <td className="num">{formatPercent(locale, sharePercent(count, total))}</td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
