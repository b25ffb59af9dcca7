import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RetryDeadLettersService } from '../../application/retry-dead-letters/retry-dead-letters.service';
import { NoQuery } from './dto/no-query.dto';
import { DeadLettersQuery } from './dto/pedidos.dto';

@ApiTags('dead letters')
@Controller('pedidos/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: RetryDeadLettersService) {}

  @Get()
  @ApiOperation({ summary: 'Orders that failed every attempt (MAX_ATTEMPTS), with the reason; not yet retried, newest first' })
  async list(@Query() query: DeadLettersQuery) {
    const found = await this.deadLetters.list(query.page, query.limit, query.runId);
    return { ...found, page: query.page, limit: query.limit };
  }

  @Post('retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: "Retry the latest run's failed orders: the run reopens, drains VIP first and ends DONE again" })
  @ApiConflictResponse({ description: 'a run is active, or the latest run has no failed orders' })
  retry(@Query() _query: NoQuery) {
    return this.deadLetters.retry();
  }
}
