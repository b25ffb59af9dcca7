'use client';

import useSWR from 'swr';
import { keys } from '@/app/lib/api/keys';
import type { QueueCounts as Counts, QueueStatus } from '@pedidos/contract';
import { formatNumber } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';

const STATES: (keyof Counts)[] = ['waiting', 'active', 'completed', 'failed', 'delayed', 'paused'];

/** Jobs per state for each queue and in total (`GET /pedidos/queue/status`). */
export function QueueCounts({ fallback }: { fallback?: QueueStatus }) {
  const { t, locale } = useI18n();
  const { data, error } = useSWR<QueueStatus>(keys.queueStatus, { fallbackData: fallback });
  return (
    <section className="card" aria-labelledby="queue-counts-title">
      <div className="run-summary-head">
        <h2 id="queue-counts-title" className="card-title">
          {t('queue.counts')}
        </h2>
        {data ? (
          <span className="badge" data-tone={data.paused ? 'aborted' : 'active'} data-testid="queue-state">
            <span className="badge-dot" aria-hidden="true" />
            {data.paused ? t('queue.paused') : t('queue.running')}
          </span>
        ) : null}
      </div>
      {!data ? (
        <p className="muted">{error ? t('overview.unavailable') : t('loading')}</p>
      ) : (
        <div className="table-wrap" style={{ marginTop: 12 }}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('queue.state')}</th>
                <th scope="col" className="num">
                  {t('priority.vip')}
                </th>
                <th scope="col" className="num">
                  {t('priority.normal')}
                </th>
                <th scope="col" className="num">
                  {t('queue.totals')}
                </th>
              </tr>
            </thead>
            <tbody>
              {STATES.map((state) => (
                <tr key={state}>
                  <th scope="row">{t(`queue.type.${state}`)}</th>
                  <td className="num" data-testid={`queue-vip-${state}`}>
                    {formatNumber(locale, data.queues?.vip?.[state])}
                  </td>
                  <td className="num" data-testid={`queue-normal-${state}`}>
                    {formatNumber(locale, data.queues?.normal?.[state])}
                  </td>
                  <td className="num" data-testid={`queue-total-${state}`}>
                    {formatNumber(locale, data.totals?.[state])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
