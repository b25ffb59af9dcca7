'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { alertLink, alertText } from '@/app/lib/alerts/alert-text';
import { alertKeys } from '@/app/lib/alerts/keys';
import { bySeverity, withChange } from '@/app/lib/alerts/open-alerts';
import type { AlertChange, AlertsBody } from '@pedidos/contract';
import { getSocket } from '@/app/lib/socket';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { useBackend } from '@/app/ui/app-shell/backend-context';
import './alert-banner.css';

/**
 * The open alerts, on every page, until each clears: `GET /pedidos/alerts` once (and by polling while the socket
 * is down), then the socket's `alert` events. Renders nothing while no alert is open.
 */
export function AlertBanner() {
  const { apiUrl, config } = useBackend();
  const { mutate } = useSWRConfig();
  const { t, locale, timeZone } = useI18n();
  const { data } = useSWR<AlertsBody>(alertKeys.open);

  useEffect(() => {
    // The same key as every other user of the shared socket: another one would make getSocket connect it again.
    const socket = getSocket(apiUrl, config.apiKey ?? null);
    const onAlert = (change: AlertChange) => {
      // Before the first answer there is nothing to change: that answer already includes the change.
      mutate<AlertsBody>(alertKeys.open, (body) => (body ? { ...body, open: withChange(body.open, change) } : body), { revalidate: false });
    };
    socket.on('alert', onAlert);
    return () => {
      socket.off('alert', onAlert);
    };
  }, [apiUrl, config.apiKey, mutate]);

  const open = bySeverity(data?.open ?? []);
  if (open.length === 0) return null;
  const critical = open.some((alert) => alert.severity === 'critical');

  return (
    <section className="alert-banner" data-testid="alert-banner" data-count={open.length} role={critical ? 'alert' : 'status'} aria-label={t('alerts.label')}>
      <ul className="alert-list">
        {open.map((alert) => {
          const href = alertLink(alert);
          return (
            <li key={alert.id} className="alert-item" data-severity={alert.severity} data-kind={alert.kind} data-key={alert.key} data-testid="alert-item">
              <span className="alert-severity">{t(alert.severity === 'critical' ? 'alerts.critical' : 'alerts.warning')}</span>
              <span className="alert-text">{alertText(alert, t, locale, timeZone)}</span>
              {href ? (
                <Link className="alert-link" href={href}>
                  {t('alerts.open')}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
