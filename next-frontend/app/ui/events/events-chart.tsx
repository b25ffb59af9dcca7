'use client';

import type { EventMetrics } from '@/app/lib/events/types';
import { EVENT_TYPES } from '@/app/lib/events/types';
import { acceptedLine, axisSeconds, plotArea, shapeTimeline, stackedBands } from '@/app/lib/events/event-series';
import { formatTimeOfDay } from '@/app/lib/events/event-format';
import { formatCompact, formatNumber } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { useEventMetrics } from './use-event-metrics';

const WIDTH = 1000;
const HEIGHT = 240;
const Y_TICKS = [1, 0.75, 0.5, 0.25, 0];

/**
 * Events per second over the last minutes, from the server's `timeline` (stored per type stacked,
 * accepted as a line). A fixed window, no interpolation, no animation.
 */
export function EventsChart({ fallback }: { fallback?: EventMetrics }) {
  const { t, locale, timeZone } = useI18n();
  const { data: metrics } = useEventMetrics(fallback);
  const series = shapeTimeline(metrics?.timeline);
  const area = series ? plotArea(series, WIDTH, HEIGHT) : null;
  const newest = series?.points[series.points.length - 1];
  const unit = t('events.unit');

  return (
    <section className="card chart-card" aria-labelledby="events-chart-title">
      <div className="chart-head">
        <h2 id="events-chart-title" className="card-title">
          {t('events.chart.title')} <span className="muted small">({unit})</span>
        </h2>
        <ul className="legend events-legend">
          {EVENT_TYPES.map((type) => (
            <li key={type} data-type={type}>
              <span className="swatch" aria-hidden="true" />
              {t(`events.type.${type}`)}
            </li>
          ))}
          <li data-series="accepted">
            <span className="swatch dashed" aria-hidden="true" />
            {t('events.chart.accepted')}
          </li>
        </ul>
      </div>
      <p id="events-chart-description" className="muted small">
        {t('events.chart.description')}
      </p>
      {!series || !area ? (
        <p className="chart-empty muted" data-testid="events-chart-empty">
          {t('events.chart.empty')}
        </p>
      ) : (
        <div className="chart" data-testid="events-chart" data-points={series.points.length}>
          <div className="chart-y" aria-hidden="true">
            {Y_TICKS.map((f) => (
              <span key={f} className="num" style={{ top: `${(1 - f) * 100}%` }}>
                {formatCompact(locale, f * series.yMax)}
              </span>
            ))}
          </div>
          <div className="chart-plot">
            <svg
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              preserveAspectRatio="none"
              role="img"
              aria-label={`${t('events.chart.title')}: ${formatNumber(locale, newest?.stored)} ${unit}`}
              aria-describedby="events-chart-description"
            >
              {Y_TICKS.map((f) => (
                <line key={f} className="grid" x1={0} x2={WIDTH} y1={HEIGHT - f * HEIGHT} y2={HEIGHT - f * HEIGHT} />
              ))}
              {stackedBands(series, area).map((band) => (
                <path key={band.type} className="band" data-type={band.type} d={band.d} />
              ))}
              <path className="series" data-series="accepted" d={acceptedLine(series, area)} />
            </svg>
            <div className="chart-x num" aria-hidden="true">
              {axisSeconds(series.windowSeconds).map((seconds) => (
                <span key={seconds}>{seconds === 0 ? formatTimeOfDay(locale, series.t1, timeZone) : `${formatNumber(locale, seconds)} ${t('chart.seconds')}`}</span>
              ))}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
