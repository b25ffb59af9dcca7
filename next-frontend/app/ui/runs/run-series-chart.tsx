import type { RunReport } from '@pedidos/contract';
import { formatNumber } from '@/app/lib/format';
import type { Translate } from '@/app/lib/i18n/dictionary';
import type { Locale } from '@/app/lib/i18n/locales';
import { laneSteps, peakRate, spanSeconds, stepPath, type Lane, type StepArea } from '@/app/lib/run-series';
import { niceCeiling } from '@/app/lib/throughput-series';
import { CHART_HEIGHT, CHART_WIDTH, ChartFrame } from '@/app/ui/common/chart-frame';
import './run-series.css';

/** Keeps a flat zero line readable (ticks 0–10), as the live chart does. */
const MIN_Y_MAX = 10;
const LANES: Lane[] = ['vip', 'normal'];

export interface ChartedRun {
  report: RunReport;
  /** `a` or `b` when two runs are overlaid (B is drawn dashed); absent for a single run. */
  run?: 'a' | 'b';
}

/**
 * The recorded throughput of one run, or of two overlaid, against seconds since each run began. Each interval
 * is drawn as a flat step at its average rate. Renders on the server or the client alike (no hooks).
 */
export function RunSeriesChart({ runs, t, locale, testId, describedBy }: { runs: ChartedRun[]; t: Translate; locale: Locale; testId: string; describedBy: string }) {
  const reports = runs.map(({ report }) => report);
  const points = reports.reduce((sum, report) => sum + report.series.points.length, 0);
  const span = spanSeconds(reports);
  if (reports.every((report) => report.series.points.length < 2) || span <= 0) {
    return (
      <p className="chart-empty muted" data-testid={`${testId}-empty`}>
        {t('series.empty')}
      </p>
    );
  }
  const area: StepArea = { width: CHART_WIDTH, height: CHART_HEIGHT, xMax: span, yMax: niceCeiling(Math.max(peakRate(reports), MIN_Y_MAX)) };
  const xLabels = [0, 0.25, 0.5, 0.75, 1].map((f) => `${formatNumber(locale, f * span, span < 10 ? 1 : 0)} ${t('chart.seconds')}`);
  return (
    <ChartFrame
      locale={locale}
      yMax={area.yMax}
      xLabels={xLabels}
      ariaLabel={`${t('series.title')}: ${t('series.points', { count: points })}`}
      describedBy={describedBy}
      testId={testId}
      points={points}
    >
      {runs.flatMap(({ report, run }) =>
        LANES.map((lane) => (
          <path
            key={`${run ?? ''}${lane}`}
            className="series"
            data-series={lane}
            data-run={run}
            data-run-id={report.runId}
            d={stepPath(laneSteps(report.series.points, lane), area)}
          />
        )),
      )}
    </ChartFrame>
  );
}

/** Legend entries: VIP and NORMAL, per run when two are overlaid. */
export function RunSeriesLegend({ runs, t }: { runs: ChartedRun[]; t: Translate }) {
  return (
    <ul className="legend">
      {runs.flatMap(({ run }) =>
        LANES.map((lane) => {
          const laneName = t(lane === 'vip' ? 'priority.vip' : 'priority.normal');
          return (
            <li key={`${run ?? ''}${lane}`} data-series={lane} data-run={run}>
              <span className="swatch" aria-hidden="true" />
              {run ? t('series.lane', { run: run.toUpperCase(), lane: laneName }) : laneName}
            </li>
          );
        }),
      )}
    </ul>
  );
}
