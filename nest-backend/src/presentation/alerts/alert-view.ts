import type { Alert as AlertView, AlertChange as AlertChangeView, AlertsBody } from '@pedidos/contract';
import type { AlertsView } from '../../application/alerts/read-alerts/read-alerts.service';
import type { Alert, AlertChange } from '../../domain/alerts/alert';

/** An alert as clients see it: instants as ISO strings. */
export function alertView(alert: Alert): AlertView {
  return { ...alert, openedAt: alert.openedAt.toISOString(), clearedAt: alert.clearedAt?.toISOString() ?? null };
}

export function alertChangeView(change: AlertChange): AlertChangeView {
  return { state: change.state, alert: alertView(change.alert) };
}

/** The body of `GET /pedidos/alerts`. */
export function alertsBody(view: AlertsView): AlertsBody {
  return { ...view, open: view.open.map(alertView), recent: view.recent.map(alertView) };
}
