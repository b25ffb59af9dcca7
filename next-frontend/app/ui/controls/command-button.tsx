'use client';

import type { ControlAction } from '@/app/lib/controls';
import type { MessageKey } from '@/app/lib/i18n/dictionary';
import { useI18n } from '@/app/ui/app-shell/i18n-context';

const TONES = { plain: 'button', primary: 'button primary', danger: 'button danger', dangerOutline: 'button danger-outline' } as const;

/**
 * One run or queue command's button: disabled unless `enabled`, labelled "running…" while its own command is
 * the pending one, and tagged `action-<name>` for the browser tests.
 */
export function CommandButton({
  action,
  label,
  pending,
  enabled,
  describedBy,
  tone = 'plain',
  type = 'button',
  onClick,
}: {
  action: ControlAction;
  label: MessageKey;
  /** The command running now (`useCommand().pending`), if any. */
  pending: string | null;
  enabled: boolean;
  /** The id of the hint that says why the button may be disabled. */
  describedBy: string;
  tone?: keyof typeof TONES;
  /** `submit` for the form's own command; `onClick` is then the form's to handle. */
  type?: 'button' | 'submit';
  onClick?: () => void;
}) {
  const { t } = useI18n();
  return (
    <button type={type} className={TONES[tone]} disabled={!enabled} aria-describedby={describedBy} onClick={onClick} data-testid={`action-${action}`}>
      {pending === action ? t('controls.running') : t(label)}
    </button>
  );
}
