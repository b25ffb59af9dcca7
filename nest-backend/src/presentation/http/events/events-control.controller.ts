import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadEventMetricsService } from '../../../application/events/read-event-metrics/read-event-metrics.service';
import { ResetEventsService } from '../../../application/events/reset-events/reset-events.service';
import { RetryEventDeadLettersService } from '../../../application/events/retry-event-dead-letters/retry-event-dead-letters.service';
import { NoQuery } from '../dto/no-query.dto';
import { EVENT_DEAD_LETTERS_SCHEMA, EVENT_METRICS_SCHEMA } from './dto/event-metrics.schema';
import { EventDeadLettersQuery, RetryEventDeadLettersBody } from './dto/events.dto';

/** Reads and controls of event intake; the POSTs need API_KEY like every control request. */
@ApiTags('events')
@Controller('events')
export class EventsControlController {
  constructor(
    private readonly metrics: ReadEventMetricsService,
    private readonly deadLetters: RetryEventDeadLettersService,
    private readonly resetter: ResetEventsService,
  ) {}

  @Get('metrics')
  @ApiOkResponse({ schema: EVENT_METRICS_SCHEMA })
  @ApiOperation({ summary: 'Accepted, stored, duplicates, dead-lettered, backlog, batches, per-type totals, rates and the per-second timeline (from Redis counters kept as work happens)' })
  metricsNow(@Query() _query: NoQuery) {
    return this.metrics.read();
  }

  @Get('dead-letters')
  @ApiOkResponse({ schema: EVENT_DEAD_LETTERS_SCHEMA })
  @ApiOperation({ summary: 'Events the database refused on every attempt (MAX_ATTEMPTS), with the reason; newest first' })
  list(@Query() query: EventDeadLettersQuery) {
    return this.deadLetters.list(query.page, query.limit);
  }

  @Post('dead-letters/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ schema: { type: 'object', properties: { requeued: { type: 'integer', minimum: 0 } } } })
  @ApiOperation({ summary: 'Queue dead-lettered events again: all of them, or those of eventIds' })
  retry(@Body() body: RetryEventDeadLettersBody, @Query() _query: NoQuery) {
    return this.deadLetters.retry(body.eventIds);
  }

  @Post('reset')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ schema: { type: 'object', properties: { deletedEvents: { type: 'integer', minimum: 0 }, deletedDeadLetters: { type: 'integer', minimum: 0 } } } })
  @ApiOperation({ summary: 'Delete the stored events, the dead letters, the queued events and the metrics' })
  reset(@Query() _query: NoQuery) {
    return this.resetter.reset();
  }
}
