import { Provider } from '@nestjs/common';
import { ReadAuditLogService } from './application/audit/read-audit-log/read-audit-log.service';
import { AuditTrail } from './application/audit/record-control-action/audit-trail.service';
import { KeyFingerprints } from './application/audit/record-control-action/key-fingerprints';
import { AccessController } from './presentation/http/access/access.controller';
import { AuditController } from './presentation/http/audit/audit.controller';
import { AuditTrailMiddleware } from './presentation/http/audit/audit-trail.middleware';

/** Who did what (the audit trail) and what a key may do (the access view), in an API process. */
export const AUDIT_PROVIDERS: Provider[] = [KeyFingerprints, AuditTrail, ReadAuditLogService, AuditTrailMiddleware];

export const AUDIT_CONTROLLERS = [AuditController, AccessController];
