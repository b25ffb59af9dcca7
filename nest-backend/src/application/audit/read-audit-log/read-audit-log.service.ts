import { Injectable } from '@nestjs/common';
import { AuditLog, AuditPage, AuditQuery } from '../../../domain/ports/audit-log.port';

/** `GET /pedidos/audit`: the control requests, newest first, of one run or one action when asked. */
@Injectable()
export class ReadAuditLogService {
  constructor(private readonly log: AuditLog) {}

  list(query: AuditQuery): Promise<AuditPage> {
    return this.log.list(query);
  }
}
