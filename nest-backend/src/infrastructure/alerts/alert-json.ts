import { Alert } from '../../domain/alerts/alert';

/** An alert as stored in Redis and sent on the feed: JSON, dates as ISO strings. */
export function alertToJson(alert: Alert): string {
  return JSON.stringify(alert);
}

export function alertFromJson(raw: string): Alert {
  const parsed = JSON.parse(raw) as Omit<Alert, 'openedAt' | 'clearedAt'> & { openedAt: string; clearedAt: string | null };
  return { ...parsed, openedAt: new Date(parsed.openedAt), clearedAt: parsed.clearedAt ? new Date(parsed.clearedAt) : null };
}
