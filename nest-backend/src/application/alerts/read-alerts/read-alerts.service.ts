import { Injectable } from '@nestjs/common';
import { Alert } from '../../../domain/alerts/alert';
import { AlertsUnavailableError } from '../../../domain/alerts/alert-errors';
import { AlertStore } from '../../../domain/alerts/ports/alert-store.port';
import { AlertWebhook } from '../../../domain/alerts/ports/alert-webhook.port';
import { AlertSettings } from '../alert-settings';
import { AlertEvaluator } from '../evaluate-alerts/alert-evaluator.service';
import { within } from '../within';

const READ_TIMEOUT_MS = 2_000;

export interface AlertsView {
  open: Alert[];
  recent: Alert[];
  /** `store`: the record every API shares; `local`: the store did not answer and this is the evaluating process's own view (no recent ones). */
  source: 'store' | 'local';
  thresholds: { checkEveryMs: number; stallAlertS: number; vipDeadlineS: number; deadLettersAlertMin: number; queueUnreachableAlertS: number; databaseUnreachableAlertS: number };
  webhookConfigured: boolean;
}

/** `GET /pedidos/alerts`: the open alerts (oldest first) and the last cleared ones (newest first). */
@Injectable()
export class ReadAlertsService {
  constructor(
    private readonly store: AlertStore,
    private readonly evaluator: AlertEvaluator,
    private readonly settings: AlertSettings,
    private readonly webhook: AlertWebhook,
  ) {}

  async list(recentLimit: number): Promise<AlertsView> {
    const base = { thresholds: this.thresholds(), webhookConfigured: this.webhook.configured };
    try {
      const [open, recent] = await within(Promise.all([this.store.listOpen(), this.store.listRecent(recentLimit)]), READ_TIMEOUT_MS, 'reading alerts');
      return { open: byOpening(open), recent, source: 'store', ...base };
    } catch (error) {
      const local = this.evaluator.localOpenAlerts();
      if (!local) throw new AlertsUnavailableError((error as Error).message);
      return { open: byOpening(local), recent: [], source: 'local', ...base };
    }
  }

  private thresholds(): AlertsView['thresholds'] {
    const s = (ms: number) => Math.round(ms / 1000);
    const { checkEveryMs, stallAfterMs, vipDeadlineMs, deadLettersAtLeast, queueUnreachableAfterMs, databaseUnreachableAfterMs } = this.settings;
    return {
      checkEveryMs,
      stallAlertS: s(stallAfterMs),
      vipDeadlineS: s(vipDeadlineMs),
      deadLettersAlertMin: deadLettersAtLeast,
      queueUnreachableAlertS: s(queueUnreachableAfterMs),
      databaseUnreachableAlertS: s(databaseUnreachableAfterMs),
    };
  }
}

function byOpening(alerts: Alert[]): Alert[] {
  return [...alerts].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
}
