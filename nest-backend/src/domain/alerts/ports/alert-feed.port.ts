import { AlertChange } from '../alert';

/** Alert changes for the dashboards of every API process; a process's own listeners hear what it publishes even when the feed between processes is down. */
export abstract class AlertFeed {
  abstract publish(change: AlertChange): Promise<void>;
  abstract subscribe(listener: (change: AlertChange) => void): () => void;
}
