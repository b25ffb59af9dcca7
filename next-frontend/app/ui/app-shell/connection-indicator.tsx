'use client';

import { useI18n } from './i18n-context';
import { useConnection } from './live-provider';

export function ConnectionIndicator() {
  const { status, attempt } = useConnection();
  const { t } = useI18n();
  const text =
    status === 'connected'
      ? t('connection.connected')
      : status === 'connecting'
        ? t('connection.connecting')
        : status === 'reconnecting'
          ? t('connection.reconnecting', { attempt })
          : t('connection.disconnected');
  return (
    <p className="connection" data-status={status} data-testid="connection" role="status">
      <span className="connection-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      <span className="connection-text">{text}</span>
    </p>
  );
}
