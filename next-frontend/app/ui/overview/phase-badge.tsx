import type { Phase } from '@pedidos/contract';
import type { Translate } from '@/app/lib/i18n/dictionary';
import { phaseTone } from '@/app/lib/phases';

/** The phase as a coloured badge; `data-phase` carries the API value for tests. */
export function PhaseBadge({ phase, t, awaitingProcess = false, testId }: { phase: Phase | null | undefined; t: Translate; awaitingProcess?: boolean; testId?: string }) {
  const known = phase ?? 'IDLE';
  return (
    <span className="badge" data-tone={phaseTone(known)} data-phase={known} data-testid={testId} title={known}>
      <span className="badge-dot" aria-hidden="true" />
      {t(`phase.${known}`)}
      {awaitingProcess ? <span className="badge-note"> · {t('phase.awaitingProcess')}</span> : null}
    </span>
  );
}
