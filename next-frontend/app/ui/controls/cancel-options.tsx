'use client';

import type { CancelOptions } from '@/app/lib/api/client';
import type { Translate } from '@/app/lib/i18n/dictionary';
import { useI18n } from '@/app/ui/app-shell/i18n-context';

const OPTIONS = [
  { option: 'purge', label: 'controls.purge', testId: 'cancel-purge' },
  { option: 'removePending', label: 'controls.removePending', testId: 'cancel-remove-pending' },
  { option: 'resetLogs', label: 'controls.resetLogs', testId: 'cancel-reset-logs' },
] as const satisfies readonly { option: keyof CancelOptions; label: string; testId: string }[];

/** The chosen options in words, for the cancel confirmation ("—" when none). */
export function describeCancelOptions(options: CancelOptions, t: Translate): string {
  return OPTIONS.filter(({ option }) => options[option]).map(({ label }) => t(label)).join(', ') || '—';
}

/** The checkboxes of what a cancel also does. */
export function CancelOptionsFields({ options, onChange }: { options: CancelOptions; onChange: (options: CancelOptions) => void }) {
  const { t } = useI18n();
  return OPTIONS.map(({ option, label, testId }) => (
    <label key={option} className="check">
      <input type="checkbox" checked={options[option]} onChange={(event) => onChange({ ...options, [option]: event.target.checked })} data-testid={testId} />
      {t(label)}
    </label>
  ));
}
