'use client';

import Link from 'next/link';
import useSWR from 'swr';
import { keys } from '@/app/lib/api/keys';
import type { RunReport, RunSummary } from '@pedidos/contract';
import { runOrdersHref } from '@/app/lib/orders/search-query';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { PhaseBadge } from '@/app/ui/overview/phase-badge';
import { TimelineBar } from '@/app/ui/overview/timeline-bar';
import { RunFigures } from './run-figures';
import { RunSeriesCard } from './run-series-card';

/** One run; keeps refreshing (on socket progress/phase, or polling) while it is still running. */
export function RunDetail({ runId, fallback, fallbackReport = null }: { runId: string; fallback: RunSummary; fallbackReport?: RunReport | null }) {
  const format = useI18n();
  const { t, locale } = format;
  const { data } = useSWR<RunSummary>(keys.run(runId), { fallbackData: fallback });
  const run = data ?? fallback;
  return (
    <>
      <p style={{ margin: '0 0 8px' }}>
        <Link href="/runs">← {t('run.back')}</Link>
      </p>
      <div className="page-head">
        <h1 className="page-title">
          {t('run.title', { runId: '' })}
          <span className="mono break">{run.runId}</span>
        </h1>
        <PhaseBadge phase={run.phase} t={t} testId="run-phase" />
      </div>
      <p className="button-row" style={{ margin: '0 0 16px' }}>
        <Link className="button" href={runOrdersHref(run.runId)} data-testid="run-orders-link">
          {t('orders.runOrders')}
        </Link>
        <Link className="button" href={runOrdersHref(run.runId, 'falhou')} data-testid="run-failed-orders-link">
          {t('orders.runFailed')}
        </Link>
      </p>
      <section className="card" style={{ marginBottom: 16 }}>
        <h2 className="card-title" style={{ marginBottom: 10 }}>
          {t('timeline.title')}
        </h2>
        <TimelineBar t={t} locale={locale} run={run} />
      </section>
      <RunSeriesCard runId={runId} fallback={fallbackReport} />
      <RunFigures run={run} format={format} />
    </>
  );
}
