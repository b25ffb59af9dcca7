'use client';

import useSWR from 'swr';
import { apiUrl as backendUrl } from '@/app/lib/api/client';
import { keys } from '@/app/lib/api/keys';
import type { RunReport } from '@pedidos/contract';
import { formatNumber } from '@/app/lib/format';
import { useBackend } from '@/app/ui/app-shell/backend-context';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { KeyedDownload } from '@/app/ui/common/keyed-download';
import { RunSeriesChart, RunSeriesLegend } from './run-series-chart';

/**
 * The run page's chart of its recorded throughput, finished or running (the report is fetched again with the
 * run's other views while progress events arrive), with the report's CSV and JSON.
 */
export function RunSeriesCard({ runId, fallback }: { runId: string; fallback: RunReport | null }) {
  const { t, locale } = useI18n();
  const { apiUrl, config } = useBackend();
  const apiKey = config.apiKey ?? null;
  const { data, error } = useSWR<RunReport>(keys.runReport(runId), { fallbackData: fallback ?? undefined });
  const runs = data ? [{ report: data }] : [];
  return (
    <section className="card chart-card" aria-labelledby="run-series-title" data-testid="run-series" data-recorded={data ? String(data.series.recorded) : undefined} style={{ marginBottom: 16 }}>
      <div className="chart-head">
        <h2 id="run-series-title" className="card-title">
          {t('series.title')} <span className="muted small">({t('throughput.unit')})</span>
        </h2>
        <RunSeriesLegend runs={runs} t={t} />
      </div>
      <p id="run-series-description" className="muted small">
        {data && !data.series.recorded ? t('series.notRecorded') : t('series.description', { seconds: formatNumber(locale, (data?.series.intervalMs ?? 1000) / 1000, 1) })}
      </p>
      {data ? (
        <RunSeriesChart runs={runs} t={t} locale={locale} testId="run-series-chart" describedBy="run-series-description" />
      ) : (
        <p className="chart-empty muted" role={error ? 'alert' : undefined}>
          {error ? t('series.unavailable') : t('series.empty')}
        </p>
      )}
      <p className="series-links">
        <KeyedDownload href={backendUrl(apiUrl, keys.runReportCsv(runId))} apiKey={apiKey} filename={`run-${runId}.csv`} testId="run-report-csv">
          {t('series.downloadCsv')}
        </KeyedDownload>
        <KeyedDownload href={backendUrl(apiUrl, keys.runReport(runId))} apiKey={apiKey} filename={`run-${runId}.json`} testId="run-report-json">
          {t('series.openJson')}
        </KeyedDownload>
      </p>
    </section>
  );
}
