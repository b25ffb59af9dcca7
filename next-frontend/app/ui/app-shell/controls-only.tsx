'use client';

import type { ReactNode } from 'react';
import { useI18n } from './i18n-context';
import { useShowsControls } from './live-provider';

/** Its children (controls) only when the dashboard's key may use them; else a note that this dashboard only reads. */
export function ControlsOnly({ children, note = true }: { children: ReactNode; note?: boolean }) {
  const { t } = useI18n();
  if (useShowsControls()) return <>{children}</>;
  return note ? (
    <section className="card" data-testid="read-only-note">
      <p className="muted small" style={{ margin: 0 }}>
        {t('access.readOnly')}
      </p>
    </section>
  ) : null;
}
