export const AUDIT_PER_PAGE = 25;

/** The actions of this API, offered in the filter (any other name may be typed). */
export const KNOWN_ACTIONS = [
  'generate',
  'process',
  'cancel',
  'reset',
  'queue.pause',
  'queue.resume',
  'queue.clean',
  'dead-letters.retry',
  'events.dead-letters.retry',
  'events.reset',
  'queue-board',
] as const;

export interface AuditFilter {
  action?: string;
  runId?: string;
}

/** The SWR key (the contract path) of one page of the audit log. */
export function auditKey(page: number, limit: number, filter: AuditFilter = {}): string {
  const search = new URLSearchParams({ page: String(page), limit: String(limit) });
  if (filter.action) search.set('action', filter.action);
  if (filter.runId) search.set('runId', filter.runId);
  return `/pedidos/audit?${search.toString()}`;
}
