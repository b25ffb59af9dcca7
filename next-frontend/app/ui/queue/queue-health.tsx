'use client';

import useSWR from 'swr';
import { keys } from '@/app/lib/api/keys';
import type { QueueHealth as Health } from '@pedidos/contract';
import { formatDateTime } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { PhaseBadge } from '@/app/ui/overview/phase-badge';

/** `GET /pedidos/health/queue`: the backend's own verdict and its reasons. */
export function QueueHealth({ fallback }: { fallback?: Health }) {
  const { t, locale, timeZone } = useI18n();
  const { data, error } = useSWR<Health>(keys.queueHealth, { fallbackData: fallback });
  return (
    <section className="card" aria-labelledby="queue-health-title">
      <h2 id="queue-health-title" className="card-title">
        {t('queue.health')}
      </h2>
      {!data ? (
        <p className="muted">{error ? t('overview.unavailable') : t('loading')}</p>
      ) : (
        <>
          <p className="health big" data-status={data.status} data-testid="queue-health" style={{ margin: '8px 0' }}>
            {t(`queue.health.${data.status}`)}
            {data.stuck ? <span className="small"> · {t('queue.health.stuck')}</span> : null}
          </p>
          <PhaseBadge phase={data.phase} t={t} />
          {data.reasons?.length ? (
            <ul className="reasons">
              {data.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : null}
          <p className="muted small" style={{ marginBottom: 0 }}>
            {t('queue.health.lastProgress')}: <span className="num">{formatDateTime(locale, data.lastProgressAt, timeZone)}</span>
          </p>
        </>
      )}
    </section>
  );
}
