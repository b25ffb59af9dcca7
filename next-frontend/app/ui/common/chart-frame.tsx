import type { ReactNode } from 'react';
import { formatCompact } from '@/app/lib/format';
import type { Locale } from '@/app/lib/i18n/locales';

/** Plot coordinates; the SVG stretches to its box and strokes keep their width (non-scaling-stroke). */
export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 240;
const Y_TICKS = [1, 0.75, 0.5, 0.25, 0];

/**
 * The frame the live charts draw in: y labels and x labels in HTML (readable at any width), grid lines,
 * and the caller's series as SVG children in CHART_WIDTH × CHART_HEIGHT coordinates.
 */
export function ChartFrame({
  locale,
  yMax,
  xLabels,
  ariaLabel,
  describedBy,
  testId,
  points,
  children,
}: {
  locale: Locale;
  yMax: number;
  xLabels: string[];
  ariaLabel: string;
  describedBy: string;
  testId: string;
  /** How many points the chart holds (for tests). */
  points: number;
  children: ReactNode;
}) {
  return (
    <div className="chart" data-testid={testId} data-points={points}>
      <div className="chart-y" aria-hidden="true">
        {Y_TICKS.map((f) => (
          <span key={f} className="num" style={{ top: `${(1 - f) * 100}%` }}>
            {formatCompact(locale, f * yMax)}
          </span>
        ))}
      </div>
      <div className="chart-plot">
        <svg viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={ariaLabel} aria-describedby={describedBy}>
          {Y_TICKS.map((f) => (
            <line key={f} className="grid" x1={0} x2={CHART_WIDTH} y1={CHART_HEIGHT - f * CHART_HEIGHT} y2={CHART_HEIGHT - f * CHART_HEIGHT} />
          ))}
          {children}
        </svg>
        <div className="chart-x num" aria-hidden="true">
          {xLabels.map((label, index) => (
            <span key={index}>{label}</span>
          ))}
        </div>
      </div>
    </div>
  );
}
