'use client';

import { useId, useState } from 'react';
import { CLEANABLE_STATES, type CleanableState } from '@pedidos/contract';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { useBackend } from '@/app/ui/app-shell/backend-context';
import { ConfirmDialog } from '@/app/ui/common/confirm-dialog';
import type { useCommand } from './use-command';

/** Removes the jobs of one state from both queues, after confirmation. */
export function CleanQueueForm({ command }: { command: ReturnType<typeof useCommand> }) {
  const { t } = useI18n();
  const { commands } = useBackend();
  const selectId = useId();
  const [state, setState] = useState<CleanableState>('completed');
  const [confirming, setConfirming] = useState(false);
  const stateLabel = t(`cleanState.${state}`);

  const confirm = () => {
    setConfirming(false);
    void command.run('clean', () => commands.clean(state), (result) =>
      t('result.clean', { removed: result.removed, state: t(`cleanState.${result.state ?? state}`) }),
    );
  };

  return (
    <fieldset className="control-group">
      <legend>{t('controls.clean')}</legend>
      <div className="inline-fields">
        <label htmlFor={selectId}>{t('controls.cleanState')}</label>
        <select id={selectId} value={state} onChange={(event) => setState(event.target.value as CleanableState)} data-testid="clean-state">
          {CLEANABLE_STATES.map((option) => (
            <option key={option} value={option}>
              {t(`cleanState.${option}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={command.pending !== null} onClick={() => setConfirming(true)} data-testid="action-clean">
          {t('controls.cleanButton')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('confirm.title.clean')}
        confirmLabel={t('confirm.confirm')}
        dismissLabel={t('confirm.dismiss')}
        onConfirm={confirm}
        onDismiss={() => setConfirming(false)}
      >
        <p>{t('confirm.body.clean', { state: stateLabel })}</p>
      </ConfirmDialog>
    </fieldset>
  );
}
