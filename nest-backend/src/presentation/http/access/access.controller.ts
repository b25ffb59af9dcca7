import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_HEADER } from '../api-key.guard';
import { NoQuery } from '../dto/no-query.dto';
import { AccessPolicy } from './access-policy';

export interface AccessView {
  /** What the key of this request may do: `write` (everything) or `read` (look only). */
  role: 'write' | 'read';
  controlsNeedKey: boolean;
  readsNeedKey: boolean;
}

/** Lets a client (the dashboard) learn what its key may do, so it can hide the controls it cannot use. */
@ApiTags('access')
@Controller('pedidos/access')
export class AccessController {
  constructor(private readonly policy: AccessPolicy) {}

  @Get()
  @ApiOperation({ summary: 'What the x-api-key of this request may do: role write or read, and which requests need a key' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { role: { type: 'string', enum: ['write', 'read'] }, controlsNeedKey: { type: 'boolean' }, readsNeedKey: { type: 'boolean' } },
    },
  })
  view(@Headers(API_KEY_HEADER) key: string | undefined, @Query() _query: NoQuery): AccessView {
    const decision = this.policy.authorize('control', key);
    return {
      role: decision.granted ? 'write' : 'read',
      controlsNeedKey: this.policy.controlsNeedKey,
      readsNeedKey: this.policy.readsNeedKey,
    };
  }
}
