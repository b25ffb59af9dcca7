import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RunHistoryService } from '../../application/run-history/run-history.service';
import { NoQuery } from './dto/no-query.dto';
import { RunsQuery } from './dto/pedidos.dto';
import { RUN_SUMMARY_SCHEMA, RUNS_PAGE_SCHEMA } from './dto/pedidos.schema';

export class RunIdFormatError extends BadRequestException {
  constructor() {
    super('runId must be a UUID');
  }
}

@ApiTags('runs')
@Controller('pedidos/runs')
export class RunsController {
  constructor(private readonly history: RunHistoryService) {}

  @Get()
  @ApiOperation({ summary: 'Runs, newest first, with their timings and counts' })
  @ApiOkResponse({ schema: RUNS_PAGE_SCHEMA })
  list(@Query() query: RunsQuery) {
    return this.history.list(query.page, query.limit);
  }

  @Get(':runId')
  @ApiOperation({ summary: 'One run' })
  @ApiOkResponse({ schema: RUN_SUMMARY_SCHEMA })
  @ApiNotFoundResponse({ description: 'no run has this id' })
  get(@Param('runId', new ParseUUIDPipe({ exceptionFactory: () => new RunIdFormatError() })) runId: string, @Query() _query: NoQuery) {
    return this.history.get(runId);
  }
}
