'use client';

import { useSyncExternalStore } from 'react';
import { formatCompact, formatNumber } from '@/app/lib/format';
import { throughputStore } from '@/app/lib/throughput-store';
import { EMPTY_SERIES, linePath, niceCeiling, type PlotArea, type ThroughputSample } from '@/app/lib/throughput-series';
import { useI18n } from '@/app/ui/app-shell/i18n-context';

/** Plot coordinates; the SVG stretches to its box and strokes keep their width (non-scaling-stroke). */
const WIDTH = 1000;
const HEIGHT = 240;
const Y_TICKS = [1, 0.75, 0.5, 0.25, 0];
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
    <section className="card chart-card" aria-labelledby="chart-title">
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
        <div className="chart" data-testid="throughput-chart" data-points={samples.length}>
          <div className="chart-y" aria-hidden="true">
            {Y_TICKS.map((f) => (
              <span key={f} className="num" style={{ top: `${(1 - f) * 100}%` }}>
                {formatCompact(locale, f * area.yMax)}
              </span>
            ))}
          </div>
          <div className="chart-plot">
            <svg
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              preserveAspectRatio="none"
              role="img"
              aria-label={`${t('chart.title')}: ${formatNumber(locale, latest)} ${unit}`}
              aria-describedby="chart-description"
            >
              {Y_TICKS.map((f) => (
                <line key={f} className="grid" x1={0} x2={WIDTH} y1={HEIGHT - f * HEIGHT} y2={HEIGHT - f * HEIGHT} />
              ))}
              {SERIES.map(({ key, pick }) => (
                <path key={key} className="series" data-series={key} d={linePath(samples, pick, area)} />
              ))}
            </svg>
            <div className="chart-x num" aria-hidden="true">
              {xTicks.map((seconds, index) => (
                <span key={index}>
                  {formatNumber(locale, seconds, seconds < 10 ? 1 : 0)} {t('chart.seconds')}
                </span>
              ))}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
