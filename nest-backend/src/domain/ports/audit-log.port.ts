import { AuditEntry, StoredAuditEntry } from '../audit/audit-entry';

export interface AuditQuery {
  page: number;
  limit: number;
  runId?: string;
  action?: string;
}

export interface AuditPage {
  items: StoredAuditEntry[];
  total: number;
}

/** Where control requests are kept, newest first. */
export abstract class AuditLog {
  abstract append(entry: AuditEntry): Promise<void>;
  abstract list(query: AuditQuery): Promise<AuditPage>;
  /** When more than `keep` entries are kept, deletes all but the newest `keep`; returns how many went. */
  abstract trimTo(keep: number): Promise<number>;
}

/** The secret that key fingerprints are keyed with: one per deployment, never shown. */
export abstract class FingerprintSecret {
  abstract get(): Promise<string>;
}
