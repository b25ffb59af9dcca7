'use client';

import { useSyncExternalStore } from 'react';
import { formatNumber } from '@/app/lib/format';
import { throughputStore } from '@/app/lib/throughput-store';
import { EMPTY_SERIES, linePath, niceCeiling, type PlotArea, type ThroughputSample } from '@/app/lib/throughput-series';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { CHART_HEIGHT as HEIGHT, CHART_WIDTH as WIDTH, ChartFrame } from '@/app/ui/common/chart-frame';
import { useRecordedHistory } from './use-recorded-history';

/** Keeps a flat zero line readable (ticks 0–10) instead of fractions of an order. */
const MIN_Y_MAX = 10;

const SERIES = [
  { key: 'vip', pick: (s: ThroughputSample) => s.vip },
  { key: 'normal', pick: (s: ThroughputSample) => s.normal },
  { key: 'overall', pick: (s: ThroughputSample) => s.overall },
] as const;

/**
 * Orders/s over the run, drawn from the points the server reported (no interpolation, no
 * animation). Axis labels are HTML so they stay readable at any width.
 */
export function ThroughputChart() {
  const { t, locale } = useI18n();
  useRecordedHistory();
  const series = useSyncExternalStore(throughputStore.subscribe, throughputStore.get, () => EMPTY_SERIES);
  const samples = series.samples;
  const first = samples[0];
  const last = samples[samples.length - 1];

  const peak = Math.max(0, ...samples.flatMap((s) => [s.vip ?? 0, s.normal ?? 0, s.overall ?? 0]));
  const area: PlotArea = { width: WIDTH, height: HEIGHT, t0: first?.t ?? 0, t1: last?.t ?? 1, yMax: niceCeiling(Math.max(peak, MIN_Y_MAX)) };
  const spanSeconds = first && last ? (last.t - first.t) / 1000 : 0;
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * spanSeconds);
  const latest = last ? (last.vip ?? last.normal ?? null) : null;
  const unit = t('throughput.unit');

  return (
    <section className="card chart-card" aria-labelledby="chart-title" data-first-sample-at={first?.t}>
      <div className="chart-head">
        <h2 id="chart-title" className="card-title">
          {t('chart.title')} <span className="muted small">({unit})</span>
        </h2>
        <ul className="legend">
          <li data-series="vip">
            <span className="swatch" aria-hidden="true" />
            {t('priority.vip')}
          </li>
          <li data-series="normal">
            <span className="swatch" aria-hidden="true" />
            {t('priority.normal')}
          </li>
          <li data-series="overall">
            <span className="swatch dashed" aria-hidden="true" />
            {t('chart.overallAverage')}
          </li>
        </ul>
      </div>
      <p id="chart-description" className="muted small">
        {t('chart.description')}
      </p>
      {samples.length < 2 ? (
        <p className="chart-empty muted" data-testid="chart-empty">
          {t('chart.empty')}
        </p>
      ) : (
        <ChartFrame
          locale={locale}
          yMax={area.yMax}
          xLabels={xTicks.map((seconds) => `${formatNumber(locale, seconds, seconds < 10 ? 1 : 0)} ${t('chart.seconds')}`)}
          ariaLabel={`${t('chart.title')}: ${formatNumber(locale, latest)} ${unit}`}
          describedBy="chart-description"
          testId="throughput-chart"
          points={samples.length}
        >
          {SERIES.map(({ key, pick }) => (
            <path key={key} className="series" data-series={key} d={linePath(samples, pick, area)} />
          ))}
        </ChartFrame>
      )}
    </section>
  );
}
