import { formatNumber, shortId } from '../format';
import type { Translate } from '../i18n/dictionary';
import type { Locale } from '../i18n/locales';
import type { Alert } from '@pedidos/contract';

const num = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0));

/** Time of day to the second ("14:03:12"). */
function clock(locale: Locale, iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone }).format(date);
}

/** The banner's sentence for an alert, in the page's language, from its kind and figures (the API's `message` is English). */
export function alertText(alert: Alert, t: Translate, locale: Locale, timeZone?: string): string {
  const since = clock(locale, alert.openedAt, timeZone);
  const run = shortId(alert.runId);
  const { details } = alert;
  switch (alert.kind) {
    case 'lane-stalled':
      return t(details.paused ? 'alerts.laneStalledPaused' : 'alerts.laneStalled', { lane: alert.lane ?? '', since, seconds: formatNumber(locale, num(details.thresholdS)), run });
    case 'vip-deadline':
      return t('alerts.vipDeadline', { run, seconds: formatNumber(locale, num(details.deadlineS)), since });
    case 'run-error':
      return t('alerts.runError', { run, reason: String(details.reason ?? '') });
    case 'dead-letters':
      return t('alerts.deadLetters', { count: num(details.count) });
    case 'queue-unreachable':
      return t('alerts.queueUnreachable', { since: clock(locale, String(details.since ?? alert.openedAt), timeZone) });
    case 'database-unreachable':
      return t('alerts.databaseUnreachable', { since: clock(locale, String(details.since ?? alert.openedAt), timeZone) });
    default:
      return alert.message;
  }
}

/** Where the operator can act on an alert, if the dashboard has a page for it. */
export function alertLink(alert: Alert): string | null {
  if (alert.kind === 'lane-stalled') return '/queue';
  if ((alert.kind === 'run-error' || alert.kind === 'vip-deadline' || alert.kind === 'dead-letters') && alert.runId) return `/runs/${encodeURIComponent(alert.runId)}`;
  return null;
}
