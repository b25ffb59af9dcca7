import type { Priority } from './phases';

/** Wire types of `GET /pedidos/alerts` and the socket `alert` event (docs/api.md, "Alerts"). */
export const ALERT_KINDS = ['lane-stalled', 'vip-deadline', 'run-error', 'dead-letters', 'queue-unreachable', 'database-unreachable'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface Alert {
  id: string;
  key: string;
  kind: AlertKind;
  severity: 'warning' | 'critical';
  message: string;
  runId: string | null;
  lane: Priority | null;
  details: Record<string, string | number | boolean | null>;
  openedAt: string;
  clearedAt: string | null;
}

export interface AlertsBody {
  open: Alert[];
  recent: Alert[];
  source: 'store' | 'local';
  thresholds: Record<string, number>;
  webhookConfigured: boolean;
}

export interface AlertChange {
  state: 'open' | 'cleared';
  alert: Alert;
}
