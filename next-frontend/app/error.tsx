'use client';

import { useEffect } from 'react';
import { useI18n } from '@/app/ui/app-shell/i18n-context';

/** Route-level error boundary: says what failed and offers a retry without a full reload. */
export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="card error-card" role="alert">
      <h1 className="card-title">{t('error.title')}</h1>
      <p className="mono small">{error.message}</p>
      <button type="button" className="button primary" onClick={reset}>
        {t('error.retry')}
      </button>
    </section>
  );
}
