'use client';

import { useI18n } from '@/app/ui/app-shell/i18n-context';
import type { CommandOutcome } from './use-command';

/** Polite live region with the last command's outcome, so screen readers hear it too. */
export function CommandResult({ outcome, testId = 'action-result' }: { outcome: CommandOutcome | null; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="command-result" data-outcome={outcome?.kind ?? 'none'}>
      <span className="label">{t('controls.results')}</span>
      <p role="status" aria-live="polite" aria-atomic="true" data-testid={testId} data-sequence={outcome?.sequence ?? 0}>
        {outcome ? outcome.text : <span className="muted">{t('result.none')}</span>}
      </p>
    </div>
  );
}
