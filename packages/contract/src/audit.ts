/** One control request as `GET /pedidos/audit` returns it (docs/api.md, "Audit log"). */
export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  method: string;
  path: string;
  params: { query?: Record<string, unknown>; body?: unknown; route?: Record<string, unknown> };
  runId: string | null;
  outcome: { status: number; code: string | null; message: string | null; durationMs: number };
  result: unknown;
  client: { address: string | null; keyHolder: KeyHolder; keyFingerprint: string | null; userAgent: string | null };
}

export type KeyHolder = 'write' | 'read' | 'none' | 'unknown';

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  limit: number;
}
