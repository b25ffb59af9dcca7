import { AlertSettings } from '../../application/alerts/alert-settings';
import { Environment } from './environment';
import { ProcessRole } from './settings';

const RECENT_ALERTS_KEPT = 100;

export function alertSettingsFrom(env: Environment, role: ProcessRole): AlertSettings {
  return new AlertSettings({
    checkEveryMs: env.ALERT_CHECK_EVERY_MS,
    stallAfterMs: env.STALL_ALERT_S * 1000,
    vipDeadlineMs: env.VIP_DEADLINE_S * 1000,
    deadLettersAtLeast: env.DEAD_LETTERS_ALERT_MIN,
    queueUnreachableAfterMs: env.QUEUE_UNREACHABLE_ALERT_S * 1000,
    databaseUnreachableAfterMs: env.DATABASE_UNREACHABLE_ALERT_S * 1000,
    recentKept: RECENT_ALERTS_KEPT,
    evaluate: role === 'api',
    webhook: {
      url: env.ALERT_WEBHOOK_URL ?? null,
      timeoutMs: env.ALERT_WEBHOOK_TIMEOUT_MS,
      attempts: env.ALERT_WEBHOOK_RETRIES + 1,
      backoffMs: env.ALERT_WEBHOOK_BACKOFF_MS,
    },
  });
}
