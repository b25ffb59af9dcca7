'use client';

import Link from 'next/link';
import { useState } from 'react';
import useSWR from 'swr';
import { keys } from '@/app/lib/api/keys';
import type { RunsPage } from '@pedidos/contract';
import { formatDateTime, formatDuration, formatNumber, shortId } from '@/app/lib/format';
import { processedOf } from '@/app/lib/run-comparison';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { PhaseBadge } from '@/app/ui/overview/phase-badge';

/** Run history, newest first; pick two rows to compare them. Refreshed on phase changes. */
export function RunsTable({ page, limit, fallback }: { page: number; limit: number; fallback?: RunsPage }) {
  const { t, locale, timeZone } = useI18n();
  const { data, error } = useSWR<RunsPage>(keys.runs(page, limit), { fallbackData: fallback });
  const [selected, setSelected] = useState<string[]>([]);
  const pages = data ? Math.max(1, Math.ceil(data.total / (data.limit || limit))) : 1;

  const toggle = (runId: string) =>
    setSelected((current) =>
      current.includes(runId) ? current.filter((id) => id !== runId) : [...current, runId].slice(-2),
    );
  const [a, b] = selected;

  return (
    <section className="card" aria-labelledby="runs-title">
      <div className="page-head">
        <h1 id="runs-title" className="page-title">
          {t('runs.title')}
        </h1>
        <div className="button-row" style={{ alignItems: 'center' }}>
          <span className="muted small" aria-live="polite">
            {selected.length < 2 ? t('runs.compareHint') : null}
          </span>
          {a && b ? (
            <Link className="button primary" href={`/runs/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`} data-testid="compare-link">
              {t('runs.compareSelected')}
            </Link>
          ) : (
            <Link className="button" href="/runs/compare">
              {t('compare.title')}
            </Link>
          )}
        </div>
      </div>
      <div className="table-wrap">
        <table data-testid="runs-table">
          <thead>
            <tr>
              <th scope="col">{t('runs.col.compare')}</th>
              <th scope="col">{t('runs.col.run')}</th>
              <th scope="col">{t('runs.col.phase')}</th>
              <th scope="col">{t('runs.col.created')}</th>
              <th scope="col" className="num">
                {t('runs.col.target')}
              </th>
              <th scope="col" className="num">
                {t('runs.col.processed')}
              </th>
              <th scope="col" className="num">
                {t('runs.col.total')}
              </th>
              <th scope="col" className="num">
                {t('runs.col.throughput')}
              </th>
            </tr>
          </thead>
          <tbody>
            {!data?.items?.length ? (
              <tr>
                <td colSpan={8} className="muted">
                  {error && !data ? t('overview.unavailable') : data ? t('runs.empty') : t('loading')}
                </td>
              </tr>
            ) : (
              data.items.map((run) => (
                <tr key={run.runId} data-testid="run-row" data-run-id={run.runId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${t('runs.col.compare')} ${run.runId}`}
                      checked={selected.includes(run.runId)}
                      onChange={() => toggle(run.runId)}
                      style={{ width: 18, height: 18 }}
                    />
                  </td>
                  <td className="mono">
                    <Link href={`/runs/${encodeURIComponent(run.runId)}`} title={run.runId}>
                      {shortId(run.runId)}
                    </Link>
                  </td>
                  <td>
                    <PhaseBadge phase={run.phase} t={t} />
                  </td>
                  <td>
                    <span className="num nowrap">{formatDateTime(locale, run.createdAt, timeZone)}</span>
                  </td>
                  <td className="num">{formatNumber(locale, run.target)}</td>
                  <td className="num">{formatNumber(locale, processedOf(run))}</td>
                  <td className="num">{formatDuration(locale, run.totalTimeMs)}</td>
                  <td className="num">
                    {formatNumber(locale, run.throughput?.overall)} <span className="unit">{t('throughput.unit')}</span>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t('runs.title')}>
        <span className="num small muted">{t('runs.page', { page: formatNumber(locale, page), pages: formatNumber(locale, pages) })}</span>
        <div className="button-row">
          {page > 1 ? (
            <Link className="button" href={`/runs?page=${page - 1}`}>
              ← {t('runs.prev')}
            </Link>
          ) : (
            <span className="button" aria-disabled="true" style={{ opacity: 0.45 }}>
              ← {t('runs.prev')}
            </span>
          )}
          {page < pages ? (
            <Link className="button" href={`/runs?page=${page + 1}`}>
              {t('runs.next')} →
            </Link>
          ) : (
            <span className="button" aria-disabled="true" style={{ opacity: 0.45 }}>
              {t('runs.next')} →
            </span>
          )}
        </div>
      </nav>
    </section>
  );
}
