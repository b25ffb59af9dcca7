import { Injectable } from '@nestjs/common';
import { AlertChange, openForSeconds } from '../../../domain/alerts/alert';
import { AlertFeed } from '../../../domain/alerts/ports/alert-feed.port';
import { AlertWebhook } from '../../../domain/alerts/ports/alert-webhook.port';
import { RunLog } from '../../run-log/run-log.service';

/** Tells every channel of an alert change: the log, the dashboards (Socket.IO `alert`) and the webhook. Never waits on any of them. */
@Injectable()
export class AlertDispatcher {
  constructor(
    private readonly feed: AlertFeed,
    private readonly webhook: AlertWebhook,
    private readonly log: RunLog,
  ) {}

  dispatch(change: AlertChange): void {
    const { alert } = change;
    if (change.state === 'open') {
      const line = `alert ${alert.kind} open: ${alert.message}`;
      if (alert.severity === 'critical') this.log.error(line);
      else this.log.warn(line);
    } else {
      this.log.info(`alert ${alert.kind} cleared after ${openForSeconds(alert, new Date())} s: ${alert.message}`);
    }
    this.feed.publish(change).catch(() => undefined);
    this.webhook.send(change);
  }
}
