import { Priority } from '../order';

/** The conditions the backend raises an alert for; README "Alerts" says what opens and clears each. */
export const ALERT_KINDS = ['lane-stalled', 'vip-deadline', 'run-error', 'dead-letters', 'queue-unreachable', 'database-unreachable'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertSeverity = 'warning' | 'critical';

/** Figures that explain an alert (thresholds, counts, phase), flat so that every receiver can show them. */
export type AlertDetails = Record<string, string | number | boolean | null>;

/** A condition as a rule sees it on one check; `key` names it (its kind and subject), so at most one alert is open per key. */
export interface AlertCondition {
  key: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** One English sentence, for the log and the webhook; the dashboard words its own from kind and details. */
  message: string;
  runId: string | null;
  lane: Priority | null;
  details: AlertDetails;
}

/** One occurrence of a condition, from the check that saw it until the check that saw it gone. */
export interface Alert extends AlertCondition {
  /** Unique per occurrence: the same condition seen again later is a new alert. */
  id: string;
  openedAt: Date;
  clearedAt: Date | null;
}

export type AlertState = 'open' | 'cleared';

/** What every channel (webhook, sockets, log) is told. */
export interface AlertChange {
  state: AlertState;
  alert: Alert;
}

export function openAlert(condition: AlertCondition, id: string, at: Date): Alert {
  return { ...condition, id, openedAt: at, clearedAt: null };
}

export function clearedAlert(alert: Alert, at: Date): Alert {
  return { ...alert, clearedAt: at };
}

/** How long an alert has been (or was) open, in whole seconds. */
export function openForSeconds(alert: Alert, now: Date): number {
  return Math.round(((alert.clearedAt ?? now).getTime() - alert.openedAt.getTime()) / 1000);
}
