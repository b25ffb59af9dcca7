import type { RunSummary } from '@pedidos/contract';
import { formatDateTime, formatNumber } from '@/app/lib/format';
import { FigureGroup } from '@/app/ui/common/figure-group';
import { countFigures, processingFigures, throughputFigures, timingFigures, type FigureFormat } from '@/app/ui/common/figures';

/** Every field of a RunSummary as cards (shared by the live detail page). */
export function RunFigures({ run, format }: { run: RunSummary; format: FigureFormat }) {
  const { t, locale, timeZone } = format;
  return (
    <div className="figure-grid">
      <FigureGroup
        title={t('cards.run')}
        figures={[
          { label: t('cards.runId'), value: <span className="mono break">{run.runId}</span>, id: 'runId', raw: run.runId },
          { label: t('cards.phase'), value: t(`phase.${run.phase}`), id: 'phase', raw: run.phase },
          { label: t('run.autoProcess'), value: run.autoProcess ? t('common.yes') : t('common.no'), id: 'autoProcess', raw: run.autoProcess },
          { label: t('run.createdAt'), value: formatDateTime(locale, run.createdAt, timeZone), id: 'createdAt', raw: run.createdAt },
          { label: t('run.finishedAt'), value: formatDateTime(locale, run.finishedAt, timeZone), id: 'finishedAt', raw: run.finishedAt },
          { label: t('run.target'), value: formatNumber(locale, run.target), id: 'target', raw: run.target },
          { label: t('run.generated'), value: formatNumber(locale, run.generated), id: 'generated', raw: run.generated },
          ...(run.errorReason ? [{ label: t('run.errorReason'), value: <span className="break">{run.errorReason}</span>, id: 'errorReason', raw: run.errorReason }] : []),
        ]}
      />
      <FigureGroup title={t('cards.counts')} figures={countFigures(run.counts, format)} />
      <FigureGroup title={t('cards.throughput')} figures={throughputFigures(run.throughput, format)} />
      <FigureGroup title={t('cards.timings')} figures={timingFigures(run, format)} />
      <FigureGroup title={t('cards.processingVip')} figures={processingFigures(run.processing?.vip, 'processing.vip', format)} />
      <FigureGroup title={t('cards.processingNormal')} figures={processingFigures(run.processing?.normal, 'processing.normal', format)} />
    </div>
  );
}
