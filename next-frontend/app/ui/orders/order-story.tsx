import Link from 'next/link';
import type { Translate } from '@/app/lib/i18n/dictionary';
import type { Locale } from '@/app/lib/i18n/locales';
import { EMPTY, formatDateTime, formatNumber } from '@/app/lib/format';
import { formatMoney } from '@/app/lib/orders/format-order';
import type { OrderStory } from '@pedidos/contract';
import { FigureGroup } from '@/app/ui/common/figure-group';

/** An order's page: the order, its run, the job that processed it, its place in its lane, its dead letter. */
export function OrderStoryView({ story, t, locale, timeZone }: { story: OrderStory; t: Translate; locale: Locale; timeZone: string }) {
  const { order, run, job, lane, deadLetter } = story;
  const when = (value: string | null) => formatDateTime(locale, value, timeZone);
  const count = (value: number | null) =>
    value !== null ? formatNumber(locale, value) : lane.countTimedOut ? t('order.laneTimedOut') : t('order.laneNotYet');
  return (
    <>
      <p style={{ margin: '0 0 8px' }}>
        <Link href="/orders">← {t('order.back')}</Link>
      </p>
      <div className="page-head">
        <h1 className="page-title">
          {t('order.title', { id: '' })}
          <span className="mono break">{order.id}</span>
        </h1>
        <span className="badge" data-testid="order-status" data-status={order.status}>
          {t(`status.${order.status}`)}
        </span>
      </div>
      <div className="figure-grid">
        <FigureGroup
          title={t('order.card')}
          figures={[
            { label: t('order.id'), value: <span className="mono break">{order.id}</span>, id: 'order.id', raw: order.id },
            { label: t('order.cliente'), value: order.cliente, id: 'order.cliente', raw: order.cliente },
            { label: t('orders.tier'), value: order.tier, id: 'order.tier', raw: order.tier },
            { label: t('orders.priority'), value: order.priority, id: 'order.priority', raw: order.priority },
            { label: t('order.valor'), value: formatMoney(locale, order.valor), id: 'order.valor', raw: order.valor },
            { label: t('order.observacoes'), value: <span className="break">{order.observacoes}</span>, id: 'order.observacoes' },
            { label: t('order.createdAt'), value: when(order.createdAt), id: 'order.createdAt', raw: order.createdAt },
            { label: t('order.processedAt'), value: when(order.processedAt), id: 'order.processedAt', raw: order.processedAt },
            { label: t('order.attempts'), value: formatNumber(locale, order.attempts), id: 'order.attempts', raw: order.attempts },
            { label: t('order.seq'), value: formatNumber(locale, order.seq), id: 'order.seq', raw: order.seq },
            ...(order.failureReason ? [{ label: t('order.failureReason'), value: <span className="break">{order.failureReason}</span>, id: 'order.failureReason' }] : []),
          ]}
        />
        <FigureGroup
          title={t('order.runCard')}
          figures={
            run
              ? [
                  {
                    label: t('orders.col.run'),
                    value: (
                      <Link href={`/runs/${encodeURIComponent(run.runId)}`} className="mono break" data-testid="order-run-link">
                        {run.runId}
                      </Link>
                    ),
                    id: 'run.runId',
                    raw: run.runId,
                  },
                  { label: t('order.runPhase'), value: t(`phase.${run.phase}` as 'phase.DONE'), id: 'run.phase', raw: run.phase },
                  { label: t('run.createdAt'), value: when(run.createdAt), id: 'run.createdAt', raw: run.createdAt },
                  { label: t('run.finishedAt'), value: when(run.finishedAt), id: 'run.finishedAt', raw: run.finishedAt },
                  { label: t('order.ordersPerJob'), value: formatNumber(locale, run.ordersPerJob), id: 'run.ordersPerJob', raw: run.ordersPerJob },
                ]
              : [{ label: t('orders.col.run'), value: `${order.runId} — ${t('order.runGone')}`, id: 'run.runId', raw: order.runId }]
          }
        />
        <FigureGroup
          title={t('order.jobCard')}
          figures={[
            { label: t('order.jobKey'), value: formatNumber(locale, job.key), id: 'job.key', raw: job.key },
            { label: t('order.jobId'), value: <span className="mono break">{job.id ?? EMPTY}</span>, id: 'job.id', raw: job.id },
            {
              label: t('order.jobRange'),
              value: job.from === null || job.to === null ? EMPTY : t('order.jobRangeValue', { from: formatNumber(locale, job.from), to: formatNumber(locale, job.to - 1) }),
              id: 'job.range',
            },
          ]}
        />
        <FigureGroup
          title={t('order.laneCard', { priority: lane.priority })}
          figures={[
            { label: t('order.laneBefore'), value: count(lane.processedBefore), id: 'lane.processedBefore', raw: lane.processedBefore },
            { label: t('order.laneTogether'), value: count(lane.processedTogether), id: 'lane.processedTogether', raw: lane.processedTogether },
            { label: t('order.laneSize', { priority: lane.priority }), value: formatNumber(locale, lane.size), id: 'lane.size', raw: lane.size },
          ]}
        />
        <FigureGroup
          title={t('order.deadLetterCard')}
          figures={
            deadLetter
              ? [
                  { label: t('order.deadLetterReason'), value: <span className="break">{deadLetter.reason}</span>, id: 'deadLetter.reason', raw: deadLetter.reason },
                  { label: t('order.deadLetterAttempts'), value: formatNumber(locale, deadLetter.attempts), id: 'deadLetter.attempts', raw: deadLetter.attempts },
                  { label: t('order.deadLetterFailedAt'), value: when(deadLetter.failedAt), id: 'deadLetter.failedAt', raw: deadLetter.failedAt },
                  {
                    label: t('order.deadLetterRetriedAt'),
                    value: deadLetter.retriedAt ? when(deadLetter.retriedAt) : t('order.notRetried'),
                    id: 'deadLetter.retriedAt',
                    raw: deadLetter.retriedAt,
                  },
                ]
              : [{ label: t('order.deadLetterCard'), value: t('order.deadLetterNone'), id: 'deadLetter.none' }]
          }
        />
      </div>
    </>
  );
}
