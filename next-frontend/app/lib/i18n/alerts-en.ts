import type { alertsPtBR } from './alerts-pt-br';

/** Texts of the alert banner (English). */
export const alertsEn: Record<keyof typeof alertsPtBR, string> = {
  'alerts.label': 'Open alerts',
  'alerts.critical': 'Critical',
  'alerts.warning': 'Warning',
  'alerts.open': 'Open',
  'alerts.laneStalled': '{lane} lane has made no progress since {since} while it has work (threshold {seconds} s, run {run}).',
  'alerts.laneStalledPaused': '{lane} lane stalled since {since}: the queue is paused with work left (threshold {seconds} s, run {run}).',
  'alerts.vipDeadline': 'VIP orders of run {run} are past their {seconds} s deadline (alert since {since}).',
  'alerts.runError': 'Run {run} ended in ERROR: {reason}',
  'alerts.deadLetters': '{count, plural, one {# order} other {# orders}} in the dead letters, waiting for a retry.',
  'alerts.queueUnreachable': 'Redis (the queue) unreachable since {since}.',
  'alerts.databaseUnreachable': 'Database unreachable since {since}.',
};
