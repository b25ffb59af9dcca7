'use client';

import useSWR from 'swr';
import { keys } from '@/app/lib/api/keys';
import type { StatusSnapshot } from '@pedidos/contract';
import { formatDateTime, formatDuration, formatNumber, formatPercent, shortId } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { Meter } from '@/app/ui/common/meter';
import { PhaseBadge } from './phase-badge';
import { TimelineBar } from './timeline-bar';

const percentOf = (done: number | null | undefined, total: number | null | undefined) =>
  typeof done === 'number' && typeof total === 'number' && total > 0 ? (done / total) * 100 : null;

/** Phase, timeline, progress, per-priority counts and throughput of the current run, live. */
export function LiveRunSummary({ fallback }: { fallback?: StatusSnapshot }) {
  const { t, locale, timeZone } = useI18n();
  const { data: status, error } = useSWR<StatusSnapshot>(keys.status, { fallbackData: fallback });

  if (!status) {
    return (
      <section className="card run-summary" aria-busy={!error}>
        <h2 className="card-title">{t('overview.run')}</h2>
        <p className="muted">{error ? t('overview.unavailable') : t('loading')}</p>
      </section>
    );
  }

  const { progress, counts, throughput, eta } = status;
  const unit = t('throughput.unit');
  const etaText = status.phase === 'DONE' ? t('progress.etaDone') : formatDuration(locale, eta?.estimatedMs);

  return (
    <section className="card run-summary" aria-labelledby="run-summary-title">
      <div className="run-summary-head">
        <h2 id="run-summary-title" className="card-title">
          {t('overview.run')}{' '}
          <span className="mono" title={status.lastRunId ?? undefined} data-testid="run-id">
            {shortId(status.lastRunId)}
          </span>
        </h2>
        <PhaseBadge phase={status.phase} t={t} awaitingProcess={status.awaitingProcess} testId="phase-badge" />
      </div>
      {!status.lastRunId && status.phase === 'IDLE' ? <p className="muted">{t('overview.noRun')}</p> : null}

      <TimelineBar t={t} locale={locale} run={status} />

      <div className="progress-block">
        <div className="progress-head">
          <span className="label">{t('progress.title')}</span>
          <span className="num big" data-testid="progress-percent" data-value={eta?.progressPercent ?? undefined}>
            {formatPercent(locale, eta?.progressPercent)}
          </span>
        </div>
        <Meter percent={eta?.progressPercent} label={t('progress.title')} valueText={formatPercent(locale, eta?.progressPercent)} testId="progress-bar" />
        <div className="progress-foot">
          <span className="num">
            {t('progress.processed', {
              done: formatNumber(locale, progress?.processedTotal),
              total: formatNumber(locale, progress?.target),
            })}
          </span>
          <span>
            {t('progress.eta')}: <span className="num" data-testid="eta">{etaText}</span>
          </span>
        </div>
      </div>

      <div className="priority-grid">
        {(['vip', 'normal'] as const).map((priority) => {
          const done = counts?.[priority];
          const target = priority === 'vip' ? progress?.vipTarget : progress?.normalTarget;
          const percent = percentOf(done, target);
          return (
            <div key={priority} className="priority" data-priority={priority}>
              <div className="priority-head">
                <span className="tag" data-priority={priority}>
                  {t(`priority.${priority}`)}
                </span>
                <span className="muted small">{t('priority.processedOfTarget')}</span>
              </div>
              <p className="num priority-count">
                <span data-testid={`count-${priority}`} data-value={done ?? undefined}>
                  {formatNumber(locale, done)}
                </span>
                <span className="muted"> / </span>
                <span data-testid={`target-${priority}`} data-value={target ?? undefined}>
                  {formatNumber(locale, target)}
                </span>
              </p>
              <Meter
                percent={percent}
                tone={priority}
                label={t(`priority.${priority}`)}
                valueText={formatPercent(locale, percent)}
              />
            </div>
          );
        })}
        <div className="priority throughput-tile">
          <span className="label">{t('throughput.now')}</span>
          <p className="num priority-count" data-testid="throughput-current" data-value={throughput?.current ?? undefined}>
            {formatNumber(locale, throughput?.current)} <span className="unit">{unit}</span>
          </p>
          <span className="label">{t('throughput.average')}</span>
          <p className="num" data-testid="throughput-overall" data-value={throughput?.overall ?? undefined}>
            {formatNumber(locale, throughput?.overall)} <span className="unit">{unit}</span>
          </p>
        </div>
      </div>
      <p className="muted small updated-at">
        {t('overview.updatedAt', { time: formatDateTime(locale, status.updatedAt, timeZone) })}
      </p>
    </section>
  );
}
