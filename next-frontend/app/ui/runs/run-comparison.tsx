import Link from 'next/link';
import type { RunSummary } from '@pedidos/contract';
import { EMPTY, formatDuration, formatNumber, formatPercent, shortId } from '@/app/lib/format';
import type { Translate } from '@/app/lib/i18n/dictionary';
import type { Locale } from '@/app/lib/i18n/locales';
import { compareRuns, type MetricKind } from '@/app/lib/run-comparison';
import { PhaseBadge } from '@/app/ui/overview/phase-badge';
import { TimelineBar } from '@/app/ui/overview/timeline-bar';

function formatMetric(locale: Locale, kind: MetricKind, value: number | null, signed = false): string {
  if (value === null) return EMPTY;
  const sign = signed && value > 0 ? '+' : signed && value < 0 ? '−' : '';
  const magnitude = signed ? Math.abs(value) : value;
  return sign + (kind === 'duration' ? formatDuration(locale, magnitude) : formatNumber(locale, magnitude));
}

/** Two runs side by side: timelines, then every figure with B − A. Rendered on the server. */
export function RunComparison({ a, b, t, locale }: { a: RunSummary; b: RunSummary; t: Translate; locale: Locale }) {
  const metrics = compareRuns(a, b);
  return (
    <>
      <div className="compare-timelines">
        {[
          { label: t('compare.a'), run: a },
          { label: t('compare.b'), run: b },
        ].map(({ label, run }) => (
          <section key={label} className="card">
            <div className="run-summary-head" style={{ marginBottom: 10 }}>
              <h2 className="card-title">
                {label}:{' '}
                <Link className="mono" href={`/runs/${encodeURIComponent(run.runId)}`} title={run.runId}>
                  {shortId(run.runId)}
                </Link>
              </h2>
              <PhaseBadge phase={run.phase} t={t} />
            </div>
            <TimelineBar t={t} locale={locale} run={run} />
          </section>
        ))}
      </div>
      <section className="card" style={{ marginTop: 16 }}>
        <div className="table-wrap">
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col">{t('compare.metric')}</th>
                <th scope="col" className="num">
                  A · <span className="mono">{shortId(a.runId)}</span>
                </th>
                <th scope="col" className="num">
                  B · <span className="mono">{shortId(b.runId)}</span>
                </th>
                <th scope="col" className="num">
                  {t('compare.diff')}
                </th>
              </tr>
            </thead>
            <tbody>
              {metrics.map((metric) => (
                <tr key={metric.labelKey}>
                  <th scope="row">
                    {t(metric.labelKey)}
                    {metric.kind === 'rate' ? <span className="unit"> ({t('throughput.unit')})</span> : null}
                  </th>
                  <td className="num">{formatMetric(locale, metric.kind, metric.a)}</td>
                  <td className="num">{formatMetric(locale, metric.kind, metric.b)}</td>
                  <td className="num diff" data-sign={metric.better === null ? undefined : metric.better ? 'positive' : 'negative'}>
                    {formatMetric(locale, metric.kind, metric.diff, true)}
                    {metric.diffPercent !== null ? (
                      <span className="small"> ({metric.diffPercent > 0 ? '+' : ''}{formatPercent(locale, metric.diffPercent)})</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
