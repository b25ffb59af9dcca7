'use client';

import useSWR from 'swr';
import { keys } from '@/app/lib/api/keys';
import type { StatusSnapshot } from '@pedidos/contract';
import { formatDateTime, formatDuration, formatNumber, formatPercent } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { FigureGroup } from '@/app/ui/common/figure-group';
import { countFigures, processingFigures, throughputFigures, timingFigures } from '@/app/ui/common/figures';

/** Every field of `GET /pedidos`, grouped into readable cards. */
export function StatusFigures({ fallback }: { fallback?: StatusSnapshot }) {
  const format = useI18n();
  const { t, locale, timeZone } = format;
  const { data: status } = useSWR<StatusSnapshot>(keys.status, { fallbackData: fallback });
  if (!status) return null;
  const { progress, eta } = status;

  return (
    <section aria-labelledby="status-figures-title" className="figures-section">
      <h2 id="status-figures-title" className="section-title">
        {t('cards.title')}
      </h2>
      <div className="figure-grid">
        <FigureGroup
          title={t('cards.run')}
          figures={[
            { label: t('cards.lastRunId'), value: <span className="mono break">{status.lastRunId ?? '—'}</span>, id: 'lastRunId', raw: status.lastRunId },
            { label: t('cards.phase'), value: t(`phase.${status.phase}`), id: 'phase', raw: status.phase },
            { label: t('cards.awaitingProcess'), value: status.awaitingProcess ? t('common.yes') : t('common.no'), id: 'awaitingProcess', raw: status.awaitingProcess },
            { label: t('cards.updatedAt'), value: formatDateTime(locale, status.updatedAt, timeZone), id: 'updatedAt', raw: status.updatedAt },
          ]}
        />
        <FigureGroup
          title={t('cards.progress')}
          figures={[
            { label: t('cards.target'), value: formatNumber(locale, progress?.target), id: 'progress.target', raw: progress?.target },
            { label: t('cards.generated'), value: formatNumber(locale, progress?.generated), id: 'progress.generated', raw: progress?.generated },
            { label: t('cards.processedTotal'), value: formatNumber(locale, progress?.processedTotal), id: 'progress.processedTotal', raw: progress?.processedTotal },
            { label: t('cards.vipTarget'), value: formatNumber(locale, progress?.vipTarget), id: 'progress.vipTarget', raw: progress?.vipTarget },
            { label: t('cards.normalTarget'), value: formatNumber(locale, progress?.normalTarget), id: 'progress.normalTarget', raw: progress?.normalTarget },
            { label: t('cards.percent'), value: formatPercent(locale, eta?.progressPercent), id: 'eta.progressPercent', raw: eta?.progressPercent },
            { label: t('cards.eta'), value: formatDuration(locale, eta?.estimatedMs), id: 'eta.estimatedMs', raw: eta?.estimatedMs },
          ]}
        />
        <FigureGroup title={t('cards.counts')} figures={countFigures(status.counts, format)} />
        <FigureGroup title={t('cards.throughput')} figures={throughputFigures(status.throughput, format)} />
        <FigureGroup title={t('cards.timings')} figures={timingFigures(status, format)} />
        <FigureGroup title={t('cards.processingVip')} figures={processingFigures(status.processing?.vip, 'processing.vip', format)} />
        <FigureGroup title={t('cards.processingNormal')} figures={processingFigures(status.processing?.normal, 'processing.normal', format)} />
      </div>
    </section>
  );
}
