'use client';

import type { EventMetrics } from '@pedidos/contract';
import { EVENT_TYPES } from '@pedidos/contract';
import { acceptedLine, axisSeconds, plotArea, shapeTimeline, stackedBands } from '@/app/lib/events/event-series';
import { formatTimeOfDay } from '@/app/lib/events/event-format';
import { formatNumber } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { CHART_HEIGHT, CHART_WIDTH, ChartFrame } from '@/app/ui/common/chart-frame';
import { useEventMetrics } from './use-event-metrics';

/**
 * Events per second over the last minutes, from the server's `timeline` (stored per type stacked,
 * accepted as a line). A fixed window, no interpolation, no animation.
 */
export function EventsChart({ fallback }: { fallback?: EventMetrics }) {
  const { t, locale, timeZone } = useI18n();
  const { data: metrics } = useEventMetrics(fallback);
  const series = shapeTimeline(metrics?.timeline);
  const area = series ? plotArea(series, CHART_WIDTH, CHART_HEIGHT) : null;
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
        <ChartFrame
          locale={locale}
          yMax={series.yMax}
          xLabels={axisSeconds(series.windowSeconds).map((seconds) =>
            seconds === 0 ? formatTimeOfDay(locale, series.t1, timeZone) : `${formatNumber(locale, seconds)} ${t('chart.seconds')}`,
          )}
          ariaLabel={`${t('events.chart.title')}: ${formatNumber(locale, newest?.stored)} ${unit}`}
          describedBy="events-chart-description"
          testId="events-chart"
          points={series.points.length}
        >
          {stackedBands(series, area).map((band) => (
            <path key={band.type} className="band" data-type={band.type} d={band.d} />
          ))}
          <path className="series" data-series="accepted" d={acceptedLine(series, area)} />
        </ChartFrame>
      )}
    </section>
  );
}
