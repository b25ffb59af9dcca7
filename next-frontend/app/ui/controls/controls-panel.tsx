'use client';

import { useId, useState, type FormEvent } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import type { CancelOptions } from '@/app/lib/api/client';
import { keys } from '@/app/lib/api/keys';
import type { QueueStatus, StatusSnapshot } from '@pedidos/contract';
import { allowedActions, DEFAULT_QUANTITY, parseQuantity } from '@/app/lib/controls';
import { formatNumber, shortId } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { useBackend } from '@/app/ui/app-shell/backend-context';
import { ConfirmDialog } from '@/app/ui/common/confirm-dialog';
import { CancelOptionsFields, describeCancelOptions } from './cancel-options';
import { CleanQueueForm } from './clean-queue-form';
import { CommandButton } from './command-button';
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
        t('result.reset', { orders: result.deletedOrders, runs: result.deletedRuns }),
      );
    }
  };

  const process = () =>
    command.run('process', () => commands.process(), (result) => t('result.process', { runId: shortId(result.runId), phase: t(`phase.${result.phase}`) }));

  const setQueueState = (action: 'pause' | 'resume') =>
    command.run(action, () => commands[action](), (result) => {
      if (result && typeof result.paused === 'boolean') mutate(keys.queueStatus, result, { revalidate: false });
      return t(action === 'pause' ? 'result.pause' : 'result.resume');
    });

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
          <CommandButton action="generate" label="controls.generate" type="submit" tone="primary" pending={command.pending} enabled={can('generate') && quantity !== null} describedBy={ids.idleHint} />
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
        <CommandButton action="process" label="controls.process" pending={command.pending} enabled={can('process')} describedBy={ids.processHint} onClick={process} />
        {!allowed.process ? (
          <p id={ids.processHint} className="muted small">
            {t('controls.whyDisabled.process')}
          </p>
        ) : null}
      </form>

      <fieldset className="control-group">
        <legend>{t('controls.cancelOptions')}</legend>
        <CancelOptionsFields options={cancelOptions} onChange={setCancelOptions} />
        <div className="button-row">
          <CommandButton action="cancel" label="controls.cancel" tone="danger" pending={command.pending} enabled={can('cancel')} describedBy={ids.activeHint} onClick={() => setConfirming('cancel')} />
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
          <CommandButton action="pause" label="controls.pause" pending={command.pending} enabled={can('pause')} describedBy={ids.activeHint} onClick={() => setQueueState('pause')} />
          <CommandButton action="resume" label="controls.resume" pending={command.pending} enabled={can('resume')} describedBy={ids.activeHint} onClick={() => setQueueState('resume')} />
        </div>
        {!allowed.cancel ? (
          <p id={ids.activeHint} className="muted small">
            {t('controls.whyDisabled.active')}
          </p>
        ) : null}
      </fieldset>

      <div className="control-group">
        <CommandButton action="reset" label="controls.reset" tone="dangerOutline" pending={command.pending} enabled={can('reset')} describedBy={ids.idleHint} onClick={() => setConfirming('reset')} />
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
            ? t('confirm.body.cancel', { runId: shortId(status?.lastRunId), options: describeCancelOptions(cancelOptions, t) })
            : t('confirm.body.reset')}
        </p>
      </ConfirmDialog>
    </section>
  );
}
