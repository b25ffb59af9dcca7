'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import useSWR from 'swr';
import type { StatusSnapshot } from '@pedidos/contract';
import { formatDateTime, formatNumber, shortId } from '@/app/lib/format';
import { orderHref } from '@/app/lib/orders/search-query';
import { retryBlock } from '@/app/lib/retry/eligibility';
import { DEAD_LETTERS_PER_PAGE, deadLetterKeys } from '@/app/lib/retry/keys';
import { MAX_RETRY_SELECTION, type DeadLettersRetried, type OrderDeadLetter, type OrderDeadLettersPage } from '@pedidos/contract';
import { EMPTY_SELECTION, keepOffered, pageSelection, setIds, toggleId, type Selection } from '@/app/lib/selection';
import { ControlsOnly } from '@/app/ui/app-shell/controls-only';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { ConfirmDialog } from '@/app/ui/common/confirm-dialog';
import { DataTable } from '@/app/ui/common/data-table';
import { PageCheckbox } from '@/app/ui/common/page-checkbox';
import { Pager } from '@/app/ui/common/pager';
import { CommandResult } from '@/app/ui/controls/command-result';
import { useCommand } from '@/app/ui/controls/use-command';
import { RETRY_BLOCK_TEXT, useLatestRun, useRetryCommands } from '@/app/ui/retry/use-retry';
import { pageRange } from '@/app/lib/page-range';

type Confirming = { kind: 'all'; count: number } | { kind: 'selected'; orderIds: string[] } | { kind: 'one'; letter: OrderDeadLetter };

/**
 * The order dead letters, paged, with a retry of every failed order of the latest run, of the selected ones,
 * or of one; each asks first and then says how many orders went back to the queue.
 */
export function DeadLetterList({ fallback, fallbackStatus }: { fallback?: OrderDeadLettersPage; fallbackStatus?: StatusSnapshot }) {
  const { t, locale, timeZone } = useI18n();
  const commands = useRetryCommands();
  const command = useCommand();
  const latest = useLatestRun(fallbackStatus);
  const [page, setPage] = useState(1);
  const { data, error, isLoading, mutate } = useSWR<OrderDeadLettersPage>(deadLetterKeys.page(page, DEAD_LETTERS_PER_PAGE), {
    fallbackData: page === 1 ? fallback : undefined,
  });
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [confirming, setConfirming] = useState<Confirming | null>(null);

  // The list has no socket event of its own: the latest run's failed count (live) says when to read it again.
  const failed = latest?.counts?.failed;
  useEffect(() => {
    if (failed !== undefined) void mutate();
  }, [failed, mutate]);

  const items = data?.items ?? [];
  const total = data?.total ?? 0;
  const limit = data?.limit ?? DEAD_LETTERS_PER_PAGE;
  const range = pageRange(page, limit, total);
  const block = retryBlock(latest);
  const busy = command.pending !== null;
  const retriable = items.filter((letter) => retryBlock(latest, letter.runId) === null).map((letter) => letter.orderId);

  // The selection is of the page shown: a letter that left it (retried, here or elsewhere) cannot stay selected.
  const offered = retriable.join(' ');
  useEffect(() => {
    setSelection((current) => keepOffered(current, offered.split(' ')));
  }, [offered]);

  const confirm = () => {
    const target = confirming;
    setConfirming(null);
    if (!target) return;
    const orderIds = target.kind === 'all' ? undefined : target.kind === 'selected' ? target.orderIds : [target.letter.orderId];
    void command
      .run('retryDeadLetters', () => commands.retryDeadLetters(orderIds), (result: DeadLettersRetried) =>
        t('result.retryOrders', { requeued: result.requeued, runId: shortId(result.runId) }),
      )
      .then((result) => {
        if (result) setSelection(EMPTY_SELECTION);
        void mutate();
      });
  };

  const confirmBody = (): string => {
    const runId = shortId(latest?.lastRunId);
    if (confirming?.kind === 'one') return t('confirm.body.retryOrder', { orderId: confirming.letter.orderId, runId: shortId(confirming.letter.runId) });
    if (confirming?.kind === 'selected') return t('confirm.body.retryOrders', { count: confirming.orderIds.length, runId });
    return t('confirm.body.retryAllOrders', { count: confirming?.count ?? 0, runId });
  };

  const latestFailed = latest?.counts?.failed ?? 0;
  return (
    <section className="card dead-letters-card" aria-labelledby="dead-letters-title">
      <div className="run-summary-head">
        <h2 id="dead-letters-title" className="card-title">
          {t('deadLetters.title')}{' '}
          <span className="num muted" data-testid="dead-letters-total" data-value={data ? total : undefined}>
            ({formatNumber(locale, data ? total : null)})
          </span>
        </h2>
        <ControlsOnly note={false}>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy || block !== null || selection.size === 0}
              onClick={() => setConfirming({ kind: 'selected', orderIds: [...selection] })}
              data-testid="dead-letters-retry-selected"
            >
              {t('deadLetters.retrySelected', { count: formatNumber(locale, selection.size) })}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || block !== null || latestFailed === 0}
              onClick={() => setConfirming({ kind: 'all', count: latestFailed })}
              data-testid="dead-letters-retry-all"
            >
              {t('deadLetters.retryAll', { count: formatNumber(locale, latestFailed) })}
            </button>
          </div>
        </ControlsOnly>
      </div>
      {block ? (
        <p className="muted small" data-testid="dead-letters-blocked" data-reason={block}>
          {t(RETRY_BLOCK_TEXT[block])}
        </p>
      ) : null}
      <DataTable
        testId="dead-letters-table"
        busy={isLoading}
        empty={items.length > 0 ? null : error && !data ? t('deadLetters.unavailable') : isLoading ? t('loading') : t('deadLetters.empty')}
        columns={[
          { label: <PageCheckbox state={pageSelection(selection, retriable)} disabled={busy || retriable.length === 0} onChange={(on) => setSelection(setIds(selection, retriable, on, MAX_RETRY_SELECTION))} label={t('deadLetters.selectPage')} /> },
          { label: t('deadLetters.col.order') },
          { label: t('deadLetters.col.run') },
          { label: t('deadLetters.col.priority') },
          { label: t('deadLetters.col.seq'), num: true },
          { label: t('deadLetters.col.reason') },
          { label: t('deadLetters.col.attempts'), num: true },
          { label: t('deadLetters.col.failedAt') },
          { label: t('deadLetters.retryOne'), hidden: true },
        ]}
      >
        {items.map((letter) => {
          const letterBlock = retryBlock(latest, letter.runId);
          const lane = letter.priority === 'VIP' ? 'vip' : 'normal';
          return (
            <tr key={`${letter.runId}-${letter.orderId}`} data-testid="dead-letter-row" data-order-id={letter.orderId} data-priority={lane}>
              <td className="select-cell">
                <input
                  type="checkbox"
                  checked={selection.has(letter.orderId)}
                  disabled={busy || letterBlock !== null}
                  onChange={() => setSelection(toggleId(selection, letter.orderId, MAX_RETRY_SELECTION))}
                  aria-label={t('deadLetters.selectOne', { orderId: letter.orderId })}
                  title={letterBlock ? t(RETRY_BLOCK_TEXT[letterBlock]) : undefined}
                  data-testid="dead-letter-select"
                />
              </td>
              <td className="mono" title={letter.orderId}>
                <Link href={orderHref(letter.orderId)} data-testid="dead-letter-order-link">
                  {shortId(letter.orderId)}
                </Link>
              </td>
              <td className="mono">
                <Link href={`/runs/${encodeURIComponent(letter.runId)}`} title={letter.runId}>
                  {shortId(letter.runId)}
                </Link>
              </td>
              <td>
                <span className="tag" data-priority={lane}>
                  {t(`priority.${lane}`)}
                </span>
              </td>
              <td className="num">{formatNumber(locale, letter.seq)}</td>
              <td className="failed-reason">{letter.reason}</td>
              <td className="num">{formatNumber(locale, letter.attempts)}</td>
              <td>
                <span className="num nowrap">{formatDateTime(locale, letter.failedAt, timeZone)}</span>
              </td>
              <td>
                <ControlsOnly note={false}>
                  <button
                    type="button"
                    className="button"
                    disabled={busy || letterBlock !== null}
                    title={letterBlock ? t(RETRY_BLOCK_TEXT[letterBlock]) : undefined}
                    onClick={() => setConfirming({ kind: 'one', letter })}
                    data-testid="dead-letter-retry"
                  >
                    {t('deadLetters.retryOne')}
                  </button>
                </ControlsOnly>
              </td>
            </tr>
          );
        })}
      </DataTable>
      <Pager
        range={range}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
      />
      <CommandResult outcome={command.outcome} testId="dead-letters-result" />
      <ConfirmDialog
        open={confirming !== null}
        title={t('confirm.title.retryOrders')}
        confirmLabel={t('confirm.confirm')}
        dismissLabel={t('confirm.dismiss')}
        onConfirm={confirm}
        onDismiss={() => setConfirming(null)}
      >
        <p data-testid="dead-letters-confirm-body">{confirmBody()}</p>
      </ConfirmDialog>
    </section>
  );
}
