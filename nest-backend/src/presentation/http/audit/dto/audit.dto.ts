import { ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { RunsQuery } from '../../dto/pedidos.dto';

export class AuditQueryDto extends RunsQuery {
  @ApiPropertyOptional({ description: 'Only the actions that touched this run.' })
  @IsOptional()
  @IsUUID('all', { message: 'runId must be a UUID' })
  runId?: string;

  @ApiPropertyOptional({ description: 'Only this action: generate, process, cancel, reset, queue.pause, queue.resume, queue.clean, dead-letters.retry, events.dead-letters.retry, events.reset, queue-board, …' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.:-]{0,79}$/, { message: 'action must be an action name such as queue.pause' })
  action?: string;
}

export const AUDIT_ENTRY_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    action: { type: 'string', example: 'queue.pause' },
    method: { type: 'string', example: 'POST' },
    path: { type: 'string', example: '/pedidos/queue/pause' },
    params: { type: 'object', description: '{ query, body, route } as sent, bounded in size' },
    runId: { type: 'string', nullable: true },
    outcome: {
      type: 'object',
      properties: { status: { type: 'integer' }, code: { type: 'string', nullable: true }, message: { type: 'string', nullable: true }, durationMs: { type: 'integer' } },
    },
    result: { description: 'the answer when it succeeded, bounded in size; else null' },
    client: {
      type: 'object',
      properties: {
        address: { type: 'string', nullable: true },
        keyHolder: { type: 'string', enum: ['write', 'read', 'none', 'unknown'] },
        keyFingerprint: { type: 'string', nullable: true, description: '16 hex digits of HMAC-SHA-256 of the key sent, under a per-deployment secret' },
        userAgent: { type: 'string', nullable: true },
      },
    },
  },
};
