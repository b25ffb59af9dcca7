import type { AuditEntry } from '@pedidos/contract';

const MAX_PARAMS_TEXT = 160;

/** "200", or "409 RUN_ALREADY_ACTIVE": the status, and the error code when it failed. */
export function outcomeText(outcome: AuditEntry['outcome']): string {
  return outcome.code ? `${outcome.status} ${outcome.code}` : String(outcome.status);
}

export type OutcomeTone = 'ok' | 'refused' | 'failed';

/** Refused: the key did not allow it (401/403); failed: any other error. */
export function outcomeTone(outcome: AuditEntry['outcome']): OutcomeTone {
  if (outcome.status < 400) return 'ok';
  return outcome.status === 401 || outcome.status === 403 ? 'refused' : 'failed';
}

/** The parameters in one line: `quantity=200 autoProcess=false`, then the body as JSON; cut past 160 characters. */
export function paramsText(params: AuditEntry['params'] | null | undefined): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params?.route ?? {})) parts.push(`${name}=${String(value)}`);
  for (const [name, value] of Object.entries(params?.query ?? {})) parts.push(`${name}=${Array.isArray(value) ? value.join(',') : String(value)}`);
  if (params?.body !== undefined) parts.push(JSON.stringify(params.body));
  const text = parts.join(' ');
  return text.length > MAX_PARAMS_TEXT ? `${text.slice(0, MAX_PARAMS_TEXT - 1)}…` : text;
}
