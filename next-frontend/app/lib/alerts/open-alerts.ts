import type { Alert, AlertChange } from '@pedidos/contract';

/**
 * The open alerts after a socket `alert` event: an opened one replaces any older one of its key, a cleared one
 * leaves. Oldest first, as the API lists them.
 */
export function withChange(open: readonly Alert[], change: AlertChange): Alert[] {
  const others = open.filter((alert) => alert.key !== change.alert.key && alert.id !== change.alert.id);
  if (change.state === 'cleared') return open.some((alert) => alert.id === change.alert.id) ? others : [...open];
  return [...others, change.alert].sort((a, b) => a.openedAt.localeCompare(b.openedAt));
}

/** Critical alerts first, then the oldest. */
export function bySeverity(open: readonly Alert[]): Alert[] {
  const rank = (alert: Alert) => (alert.severity === 'critical' ? 0 : 1);
  return [...open].sort((a, b) => rank(a) - rank(b) || a.openedAt.localeCompare(b.openedAt));
}
