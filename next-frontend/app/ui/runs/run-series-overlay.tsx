import type { RunReport } from '@pedidos/contract';
import type { Translate } from '@/app/lib/i18n/dictionary';
import type { Locale } from '@/app/lib/i18n/locales';
import { RunSeriesChart, RunSeriesLegend, type ChartedRun } from './run-series-chart';

/** The comparison's chart: both runs' recorded throughput on one time axis (seconds since each began). Server-rendered. */
export function RunSeriesOverlay({ a, b, t, locale }: { a: RunReport; b: RunReport; t: Translate; locale: Locale }) {
  const runs: ChartedRun[] = [
    { report: a, run: 'a' },
    { report: b, run: 'b' },
  ];
  return (
    <section className="card chart-card" aria-labelledby="compare-series-title" style={{ marginTop: 16 }}>
      <div className="chart-head">
        <h2 id="compare-series-title" className="card-title">
          {t('series.compareTitle')} <span className="muted small">({t('throughput.unit')})</span>
        </h2>
        <RunSeriesLegend runs={runs} t={t} />
      </div>
      <p id="compare-series-description" className="muted small">
        {t('series.compareDescription')}
      </p>
      <RunSeriesChart runs={runs} t={t} locale={locale} testId="compare-series-chart" describedBy="compare-series-description" />
    </section>
  );
}
