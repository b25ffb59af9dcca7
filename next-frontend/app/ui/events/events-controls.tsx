'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { eventKeys, isDeadLettersKey } from '@/app/lib/events/keys';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { ConfirmDialog } from '@/app/ui/common/confirm-dialog';
import { CommandResult } from '@/app/ui/controls/command-result';
import { useCommand } from '@/app/ui/controls/use-command';
import { BurstForm } from './burst-form';
import { useEventCommands } from './use-event-metrics';

/** The test burst and the reset of everything the event intake holds (after confirmation). */
export function EventsControls() {
  const { t } = useI18n();
  const commands = useEventCommands();
  const command = useCommand();
  const { mutate } = useSWRConfig();
  const [confirming, setConfirming] = useState(false);
  const [bursting, setBursting] = useState(false);

  const reset = () => {
    setConfirming(false);
    void command
      .run('resetEvents', () => commands.reset(), (result) =>
        t('result.resetEvents', { events: result.deletedEvents, deadLetters: result.deletedDeadLetters }),
      )
      .finally(() => {
        void mutate(eventKeys.metrics);
        void mutate(isDeadLettersKey);
      });
  };

  return (
    <section className="card controls" aria-labelledby="events-controls-title">
      <h2 id="events-controls-title" className="card-title">
        {t('events.controls.title')}
      </h2>
      <BurstForm onRunningChange={setBursting} />
      <div className="control-group">
        <button
          type="button"
          className="button danger-outline"
          disabled={command.pending !== null || bursting}
          onClick={() => setConfirming(true)}
          data-testid="events-reset"
        >
          {command.pending === 'resetEvents' ? t('controls.running') : t('events.reset')}
        </button>
      </div>
      <CommandResult outcome={command.outcome} testId="events-action-result" />
      <ConfirmDialog
        open={confirming}
        title={t('confirm.title.resetEvents')}
        confirmLabel={t('confirm.confirm')}
        dismissLabel={t('confirm.dismiss')}
        onConfirm={reset}
        onDismiss={() => setConfirming(false)}
      >
        <p>{t('confirm.body.resetEvents')}</p>
      </ConfirmDialog>
    </section>
  );
}
