'use client';

import { useEffect, useState } from 'react';
import useSWR from 'swr';
import { DEAD_LETTERS_PER_PAGE, eventKeys } from '@/app/lib/events/keys';
import { EVENT_TYPES, type DeadLetter, type DeadLettersPage, type EventMetrics, type EventType } from '@pedidos/contract';
import { formatDateTime, formatNumber, shortId } from '@/app/lib/format';
import { EMPTY_SELECTION, keepOffered, pageSelection, setIds, toggleId, type Selection } from '@/app/lib/selection';
import { ControlsOnly } from '@/app/ui/app-shell/controls-only';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { ConfirmDialog } from '@/app/ui/common/confirm-dialog';
import { Pager } from '@/app/ui/common/pager';
import { DataTable } from '@/app/ui/common/data-table';
import { PageCheckbox } from '@/app/ui/common/page-checkbox';
import { CommandResult } from '@/app/ui/controls/command-result';
import { useCommand } from '@/app/ui/controls/use-command';
import { useEventCommands, useEventMetrics } from './use-event-metrics';
import { pageRange } from '@/app/lib/page-range';

/** The largest selection of one retry (the page holds fewer). */
const MAX_SELECTION = 1000;

/**
 * The dead letters, paged as `GET /events/dead-letters` serves them, with a retry of all of them, of the
 * selected ones on the page, or of one (each after confirmation); the answer says how many were requeued.
 */
export function DeadLetters({ fallback, fallbackMetrics }: { fallback?: DeadLettersPage; fallbackMetrics?: EventMetrics }) {
  const { t, locale, timeZone } = useI18n();
  const commands = useEventCommands();
  const command = useCommand();
  const [page, setPage] = useState(1);
  const key = eventKeys.deadLetters(page, DEAD_LETTERS_PER_PAGE);
  const { data, error, isLoading, mutate } = useSWR<DeadLettersPage>(key, { fallbackData: page === 1 ? fallback : undefined });
  const { data: metrics, mutate: mutateMetrics } = useEventMetrics(fallbackMetrics);
  // "all", the selected event ids, or the one dead letter to retry, while its confirmation is open.
  const [confirming, setConfirming] = useState<'all' | string[] | DeadLetter | null>(null);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);

  // The list has no socket event of its own: the live dead-letter count says when to re-read it.
  const deadLettered = metrics?.deadLettered;
  useEffect(() => {
    if (deadLettered !== undefined) void mutate();
  }, [deadLettered, mutate]);

  const items = data?.items ?? [];
  const total = data?.total ?? 0;
  const limit = data?.limit ?? DEAD_LETTERS_PER_PAGE;
  const range = pageRange(page, limit, total);
  const shown = items.map((letter) => letter.eventId);
  // The selection is of the page shown: a letter that left it cannot stay selected.
  const offered = shown.join('\n');
  useEffect(() => {
    setSelection((current) => keepOffered(current, offered.split('\n')));
  }, [offered]);

  const retry = () => {
    const target = confirming;
    setConfirming(null);
    if (!target) return;
    void command
      .run('retry', () => commands.retryDeadLetters(target === 'all' ? undefined : Array.isArray(target) ? target : [target.eventId]), (result) =>
        t('result.retryDead', { requeued: result.requeued }),
      )
      .finally(() => {
        setSelection(EMPTY_SELECTION);
        void mutate();
        void mutateMetrics();
      });
  };

  return (
    <section className="card" aria-labelledby="dead-letters-title">
      <div className="run-summary-head">
        <h2 id="dead-letters-title" className="card-title">
          {t('events.dead.title')}{' '}
          <span className="num muted" data-testid="events-dead-total" data-value={data ? total : undefined}>
            ({formatNumber(locale, data ? total : null)})
          </span>
        </h2>
        <ControlsOnly note={false}>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={command.pending !== null || selection.size === 0}
              onClick={() => setConfirming([...selection])}
              data-testid="events-dead-retry-selected"
            >
              {t('events.dead.retrySelected', { count: formatNumber(locale, selection.size) })}
            </button>
            <button
              type="button"
              className="button"
              disabled={command.pending !== null || total === 0}
              onClick={() => setConfirming('all')}
              data-testid="events-dead-retry-all"
            >
              {command.pending === 'retry' ? t('controls.running') : t('events.dead.retryAll')}
            </button>
          </div>
        </ControlsOnly>
      </div>
      <p className="muted small">{t('events.dead.description')}</p>
      <DataTable
        testId="events-dead-letters"
        busy={isLoading}
        empty={items.length > 0 ? null : error && !data ? t('events.unavailable') : isLoading ? t('loading') : t('events.dead.empty')}
        columns={[
          { label: <PageCheckbox state={pageSelection(selection, shown)} disabled={command.pending !== null || shown.length === 0} onChange={(on) => setSelection(setIds(selection, shown, on, MAX_SELECTION))} label={t('events.dead.selectPage')} /> },
          { label: t('events.dead.col.event') },
          { label: t('events.dead.col.type') },
          { label: t('events.dead.col.user') },
          { label: t('events.dead.col.reason') },
          { label: t('events.dead.col.attempts'), num: true },
          { label: t('events.dead.col.failedAt') },
          { label: t('events.dead.retryOne'), hidden: true },
        ]}
      >
        {items.map((letter) => (
          <tr key={letter.eventId} data-testid="events-dead-row" data-event-id={letter.eventId}>
            <td className="select-cell">
              <input
                type="checkbox"
                checked={selection.has(letter.eventId)}
                disabled={command.pending !== null}
                onChange={() => setSelection(toggleId(selection, letter.eventId, MAX_SELECTION))}
                aria-label={t('events.dead.selectOne', { eventId: letter.eventId })}
                data-testid="events-dead-select"
              />
            </td>
            <td className="mono" title={letter.eventId}>
              {shortId(letter.eventId, 16)}
            </td>
            <td>{isKnownType(letter.eventType) ? t(`events.type.${letter.eventType}`) : letter.eventType}</td>
            <td className="mono">{letter.userId}</td>
            <td className="failed-reason">{letter.reason}</td>
            <td className="num">{formatNumber(locale, letter.attempts)}</td>
            <td>
              <span className="num nowrap">{formatDateTime(locale, letter.failedAt, timeZone)}</span>
            </td>
            <td>
              <ControlsOnly note={false}>
                <button type="button" className="button" disabled={command.pending !== null} onClick={() => setConfirming(letter)}>
                  {t('events.dead.retryOne')}
                </button>
              </ControlsOnly>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager
        range={range}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
      />
      <CommandResult outcome={command.outcome} testId="events-dead-result" />
      <ConfirmDialog
        open={confirming !== null}
        title={t('confirm.title.retryDead')}
        confirmLabel={t('confirm.confirm')}
        dismissLabel={t('confirm.dismiss')}
        onConfirm={retry}
        onDismiss={() => setConfirming(null)}
      >
        <p data-testid="events-dead-confirm-body">
          {confirming === 'all' || confirming === null
            ? t('confirm.body.retryDead', { count: total })
            : Array.isArray(confirming)
              ? t('confirm.body.retrySelectedEvents', { count: confirming.length })
              : t('confirm.body.retryOne', { eventId: confirming.eventId })}
        </p>
      </ConfirmDialog>
    </section>
  );
}

function isKnownType(type: string): type is EventType {
  return (EVENT_TYPES as readonly string[]).includes(type);
}
