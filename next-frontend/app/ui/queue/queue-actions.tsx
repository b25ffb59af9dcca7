'use client';

import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { CleanQueueForm } from '@/app/ui/controls/clean-queue-form';
import { CommandResult } from '@/app/ui/controls/command-result';
import { useCommand } from '@/app/ui/controls/use-command';

/** The queue page's own clean control (the same form as on the overview), with its result. */
export function QueueActions() {
  const { t } = useI18n();
  const command = useCommand();
  return (
    <section className="card controls" aria-label={t('controls.clean')}>
      <CleanQueueForm command={command} />
      <CommandResult outcome={command.outcome} testId="queue-action-result" />
    </section>
  );
}
