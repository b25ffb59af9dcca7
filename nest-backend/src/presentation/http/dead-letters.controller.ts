import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RetryDeadLettersService } from '../../application/retry-dead-letters/retry-dead-letters.service';
import { NoQuery } from './dto/no-query.dto';
import { DEAD_LETTERS_RETRIED_SCHEMA, ORDER_DEAD_LETTERS_PAGE_SCHEMA } from './dto/operations.schema';
import { DeadLettersQuery } from './dto/pedidos.dto';
import { RetryDeadLettersBody } from './dto/retry.dto';

@ApiTags('dead letters')
@Controller('pedidos/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: RetryDeadLettersService) {}

  @Get()
  @ApiOperation({ summary: 'Orders that failed every attempt (MAX_ATTEMPTS), with the reason; not yet retried, newest first' })
  @ApiOkResponse({ schema: ORDER_DEAD_LETTERS_PAGE_SCHEMA })
  async list(@Query() query: DeadLettersQuery) {
    const found = await this.deadLetters.list(query.page, query.limit, query.runId);
    return { ...found, page: query.page, limit: query.limit };
  }

  @Post('retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: "Retry the latest run's failed orders, all or a selection (body `{ orderIds }`): the run reopens, drains VIP first and ends DONE again; answers how many went back to pending" })
  @ApiAcceptedResponse({ schema: DEAD_LETTERS_RETRIED_SCHEMA })
  @ApiBadRequestResponse({ description: 'orderIds empty, over 1,000, repeated or not UUIDs' })
  @ApiNotFoundResponse({ description: 'DEAD_LETTER_NOT_FOUND: some selected orders have no open dead letter in the latest run (details lists them); nothing was retried' })
  @ApiConflictResponse({ description: 'a run is active, the latest run did not end DONE, or (all) it has no failed orders' })
  retry(@Body() body: RetryDeadLettersBody, @Query() _query: NoQuery) {
    return this.deadLetters.retry(body.orderIds);
  }
}
