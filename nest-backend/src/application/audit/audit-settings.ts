/** How much of the audit log is kept (AUDIT_MAX_ENTRIES). */
export abstract class AuditSettings {
  abstract readonly maxEntries: number;
}
