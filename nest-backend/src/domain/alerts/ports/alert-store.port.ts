import { Alert } from '../alert';

export interface AlertOpening {
  /** False when an alert was already open for the key (another check, or another process, opened it). */
  opened: boolean;
  /** The alert open for the key now: the one given, or the one that was already open (null if it cleared meanwhile). */
  current: Alert | null;
}

/** The open alerts (at most one per key) and the last cleared ones, shared by every API process. */
export abstract class AlertStore {
  /** Records the alert as open unless one is already open for its key; atomic, so a condition is opened once. */
  abstract open(alert: Alert): Promise<AlertOpening>;
  /** Moves the alert to the recent ones if it is still the open one of its key; false when it was not (already cleared). */
  abstract clear(alert: Alert): Promise<boolean>;
  abstract listOpen(): Promise<Alert[]>;
  /** Cleared alerts, newest first. */
  abstract listRecent(limit: number): Promise<Alert[]>;
}
