import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadAuditLogService } from '../../../application/audit/read-audit-log/read-audit-log.service';
import { AUDIT_ENTRY_SCHEMA, AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('pedidos/audit')
export class AuditController {
  constructor(private readonly audit: ReadAuditLogService) {}

  @Get()
  @ApiOperation({ summary: 'Every control request (who, what, with which parameters, and how it ended), newest first; of one run or one action when asked' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { items: { type: 'array', items: AUDIT_ENTRY_SCHEMA }, total: { type: 'integer' }, page: { type: 'integer' }, limit: { type: 'integer' } },
    },
  })
  async list(@Query() query: AuditQueryDto) {
    const found = await this.audit.list({ page: query.page, limit: query.limit, runId: query.runId, action: query.action });
    return { ...found, page: query.page, limit: query.limit };
  }
}
