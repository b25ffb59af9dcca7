import { AlertChange } from '../alert';

/** The operators' receiver of alert changes (ALERT_WEBHOOK_URL). */
export abstract class AlertWebhook {
  /** Hands the change over for delivery and returns at once: delivery, its retries and its failures never hold the caller. */
  abstract send(change: AlertChange): void;
  abstract readonly configured: boolean;
}
