'use client';

import { useId, useState, type FormEvent } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import type { CancelOptions } from '@/app/lib/api/client';
import { keys } from '@/app/lib/api/keys';
import type { QueueStatus, StatusSnapshot } from '@/app/lib/api/types';
import { allowedActions, DEFAULT_QUANTITY, parseQuantity } from '@/app/lib/controls';
import { formatNumber, shortId } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { useBackend } from '@/app/ui/app-shell/backend-context';
import { ConfirmDialog } from '@/app/ui/common/confirm-dialog';
import { CleanQueueForm } from './clean-queue-form';
import { CommandResult } from './command-result';
import { RunEstimate } from './run-estimate';
import { useCommand } from './use-command';

type Confirmable = 'cancel' | 'reset';

/** Every run and queue command, each enabled only in the phases where the API accepts it. */
export function ControlsPanel({ fallbackStatus, fallbackQueue }: { fallbackStatus?: StatusSnapshot; fallbackQueue?: QueueStatus }) {
  const { t, locale } = useI18n();
  const { commands } = useBackend();
  const { mutate } = useSWRConfig();
  const { data: status } = useSWR<StatusSnapshot>(keys.status, { fallbackData: fallbackStatus });
  const { data: queue } = useSWR<QueueStatus>(keys.queueStatus, { fallbackData: fallbackQueue });
  const command = useCommand();
  const ids = { quantity: useId(), quantityHint: useId(), twoStep: useId(), activeHint: useId(), idleHint: useId(), processHint: useId() };

  const [quantityText, setQuantityText] = useState(() => formatNumber(locale, DEFAULT_QUANTITY));
  const [autoProcess, setAutoProcess] = useState(true);
  const [cancelOptions, setCancelOptions] = useState<CancelOptions>({ purge: true, removePending: false, resetLogs: false });
  const [confirming, setConfirming] = useState<Confirmable | null>(null);

  const quantity = parseQuantity(quantityText);
  const allowed = allowedActions({ phase: status?.phase, awaitingProcess: status?.awaitingProcess, queuePaused: queue?.paused });
  const busy = command.pending !== null;
  // Until the first snapshot arrives nothing is known, so nothing is enabled.
  const can = (action: keyof typeof allowed) => !!status && allowed[action] && !busy;

  const generate = (event: FormEvent) => {
    event.preventDefault();
    if (quantity === null || !can('generate')) return;
    void command.run('generate', () => commands.generate(quantity, autoProcess), (result) =>
      t('result.generate', {
        runId: shortId(result.runId),
        target: formatNumber(locale, result.target),
        mode: result.autoProcess ? t('result.generate.auto') : t('result.generate.twoStep'),
      }),
    );
  };

  const confirm = () => {
    const action = confirming;
    setConfirming(null);
    if (action === 'cancel') {
      void command.run('cancel', () => commands.cancel(cancelOptions), (result) =>
        t('result.cancel', {
          runId: shortId(result.runId),
          vip: formatNumber(locale, result.counts?.vip),
          normal: formatNumber(locale, result.counts?.normal),
          cancelled: formatNumber(locale, result.counts?.cancelled),
        }),
      );
    } else if (action === 'reset') {
      void command.run('reset', () => commands.reset(), (result) =>
        t('result.reset', { orders: formatNumber(locale, result.deletedOrders), runs: formatNumber(locale, result.deletedRuns) }),
      );
    }
  };

  const setQueueState = (action: 'pause' | 'resume') =>
    command.run(action, () => commands[action](), (result) => {
      if (result && typeof result.paused === 'boolean') mutate(keys.queueStatus, result, { revalidate: false });
      return t(action === 'pause' ? 'result.pause' : 'result.resume');
    });

  const cancelOptionsText = [
    cancelOptions.purge && t('controls.purge'),
    cancelOptions.removePending && t('controls.removePending'),
    cancelOptions.resetLogs && t('controls.resetLogs'),
  ]
    .filter(Boolean)
    .join(', ') || '—';

  return (
    <section className="card controls" aria-labelledby="controls-title">
      <h2 id="controls-title" className="card-title">
        {t('controls.title')}
      </h2>

      <form className="control-group" onSubmit={generate} noValidate>
        <label htmlFor={ids.quantity} className="label">
          {t('controls.quantity')}
        </label>
        <div className="inline-fields">
          <input
            id={ids.quantity}
            className="num"
            inputMode="numeric"
            autoComplete="off"
            value={quantityText}
            onChange={(event) => setQuantityText(event.target.value)}
            aria-invalid={quantity === null}
            aria-describedby={ids.quantityHint}
            data-testid="quantity"
          />
          <button type="submit" className="button primary" disabled={!can('generate') || quantity === null} aria-describedby={ids.idleHint} data-testid="action-generate">
            {command.pending === 'generate' ? t('controls.running') : t('controls.generate')}
          </button>
        </div>
        <p id={ids.quantityHint} className={quantity === null ? 'field-error small' : 'muted small'}>
          {quantity === null ? t('controls.quantityInvalid') : t('controls.quantityHint')}
        </p>
        <RunEstimate quantity={quantity} />
        <label className="check">
          <input type="checkbox" checked={autoProcess} onChange={(event) => setAutoProcess(event.target.checked)} aria-describedby={ids.twoStep} data-testid="auto-process" />
          {t('controls.autoProcess')}
        </label>
        <p id={ids.twoStep} className="muted small">
          {t('controls.twoStepHint')}
        </p>
        <button type="button" className="button" disabled={!can('process')} aria-describedby={ids.processHint} onClick={() => command.run('process', () => commands.process(), (result) => t('result.process', { runId: shortId(result.runId), phase: t(`phase.${result.phase}`) }))} data-testid="action-process">
          {command.pending === 'process' ? t('controls.running') : t('controls.process')}
        </button>
        {!allowed.process ? (
          <p id={ids.processHint} className="muted small">
            {t('controls.whyDisabled.process')}
          </p>
        ) : null}
      </form>

      <fieldset className="control-group">
        <legend>{t('controls.cancelOptions')}</legend>
        <label className="check">
          <input type="checkbox" checked={cancelOptions.purge} onChange={(event) => setCancelOptions({ ...cancelOptions, purge: event.target.checked })} data-testid="cancel-purge" />
          {t('controls.purge')}
        </label>
        <label className="check">
          <input type="checkbox" checked={cancelOptions.removePending} onChange={(event) => setCancelOptions({ ...cancelOptions, removePending: event.target.checked })} data-testid="cancel-remove-pending" />
          {t('controls.removePending')}
        </label>
        <label className="check">
          <input type="checkbox" checked={cancelOptions.resetLogs} onChange={(event) => setCancelOptions({ ...cancelOptions, resetLogs: event.target.checked })} data-testid="cancel-reset-logs" />
          {t('controls.resetLogs')}
        </label>
        <div className="button-row">
          <button type="button" className="button danger" disabled={!can('cancel')} aria-describedby={ids.activeHint} onClick={() => setConfirming('cancel')} data-testid="action-cancel">
            {command.pending === 'cancel' ? t('controls.running') : t('controls.cancel')}
          </button>
        </div>
      </fieldset>

      <fieldset className="control-group">
        <legend>
          {t('queue.title')}:{' '}
          <span data-testid="queue-paused" data-value={queue ? String(queue.paused) : undefined}>
            {queue ? (queue.paused ? t('controls.queuePaused') : t('controls.queueRunning')) : '—'}
          </span>
        </legend>
        <div className="button-row">
          <button type="button" className="button" disabled={!can('pause')} aria-describedby={ids.activeHint} onClick={() => setQueueState('pause')} data-testid="action-pause">
            {command.pending === 'pause' ? t('controls.running') : t('controls.pause')}
          </button>
          <button type="button" className="button" disabled={!can('resume')} aria-describedby={ids.activeHint} onClick={() => setQueueState('resume')} data-testid="action-resume">
            {command.pending === 'resume' ? t('controls.running') : t('controls.resume')}
          </button>
        </div>
        {!allowed.cancel ? (
          <p id={ids.activeHint} className="muted small">
            {t('controls.whyDisabled.active')}
          </p>
        ) : null}
      </fieldset>

      <div className="control-group">
        <button type="button" className="button danger-outline" disabled={!can('reset')} aria-describedby={ids.idleHint} onClick={() => setConfirming('reset')} data-testid="action-reset">
          {command.pending === 'reset' ? t('controls.running') : t('controls.reset')}
        </button>
        {!allowed.reset ? (
          <p id={ids.idleHint} className="muted small">
            {t('controls.whyDisabled.reset')}
          </p>
        ) : null}
      </div>

      <CleanQueueForm command={command} />

      <CommandResult outcome={command.outcome} />

      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'cancel' ? t('confirm.title.cancel') : t('confirm.title.reset')}
        confirmLabel={t('confirm.confirm')}
        dismissLabel={t('confirm.dismiss')}
        onConfirm={confirm}
        onDismiss={() => setConfirming(null)}
      >
        <p>
          {confirming === 'cancel'
            ? t('confirm.body.cancel', { runId: shortId(status?.lastRunId), options: cancelOptionsText })
            : t('confirm.body.reset')}
        </p>
      </ConfirmDialog>
    </section>
  );
}
