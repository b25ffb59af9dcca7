import { Body, Controller, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { AcceptEventsService } from '../../../application/events/accept-events/accept-events.service';
import { NoQuery } from '../dto/no-query.dto';
import { EventAccepted, EventBatchBody, EventBody, EventsAccepted } from './dto/events.dto';
import { EventIntake } from './event-intake.decorator';

/** The public write path: answers 202 only once the events are durable in the queue. */
@ApiTags('events')
@Controller('events')
export class EventsIntakeController {
  constructor(private readonly intake: AcceptEventsService) {}

  @Post()
  @EventIntake()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send one user-interaction event' })
  @ApiBody({ type: EventBody })
  @ApiAcceptedResponse({ type: EventAccepted, description: 'the event is in the queue and will be stored once' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, details name each field' })
  @ApiServiceUnavailableResponse({ description: 'the queue did not confirm the event: retry with the same eventId' })
  async acceptOne(@Body() body: unknown, @Query() _query: NoQuery): Promise<EventAccepted> {
    const event = await this.intake.acceptOne(body);
    return { message: 'Event sent to processing', status: 'accepted', eventId: event.eventId };
  }

  @Post('batch')
  @EventIntake()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send up to EVENTS_MAX_BATCH events at once; one invalid event refuses them all' })
  @ApiBody({ type: EventBatchBody })
  @ApiAcceptedResponse({ type: EventsAccepted })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, details name each bad event by index and field; nothing is stored' })
  @ApiServiceUnavailableResponse({ description: 'the queue did not confirm the events: retry with the same eventIds' })
  async acceptBatch(@Body() body: unknown, @Query() _query: NoQuery): Promise<EventsAccepted> {
    const events = await this.intake.acceptBatch(body);
    return { message: 'Events sent to processing', status: 'accepted', accepted: events.length, eventIds: events.map((event) => event.eventId) };
  }
}
