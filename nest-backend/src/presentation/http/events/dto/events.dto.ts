import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import { EVENT_TYPES } from '../../../../domain/events/interaction-event';
import { RunsQuery } from '../../dto/pedidos.dto';

/*
 * The intake bodies are checked by the domain's validation rules (domain/events/event-validation.ts), not by
 * class-validator: the same rules serve both endpoints, report each problem with its field and index, and
 * check a 1,000-event batch in well under a millisecond. These classes describe the bodies for OpenAPI.
 */

export class EventBody {
  @ApiProperty({ example: 'user-42', maxLength: 128 }) userId: string;
  @ApiProperty({ enum: EVENT_TYPES }) eventType: string;
  @ApiProperty({ example: 'session-7', maxLength: 128 }) sessionId: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Any JSON object (product, category, price, custom fields); keys must not start with $ or contain a dot; limited depth, string length and size (EVENTS_MAX_*).',
    example: { productId: 'p-1', category: 'shoes', price: 129.9 },
  })
  eventData?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Idempotency key: an event sent again with the same id is stored once. The server makes a UUID when none is given.', maxLength: 128 })
  eventId?: string;
  @ApiPropertyOptional({ description: 'ISO-8601 date; the time of arrival when absent.', example: '2026-12-01T10:00:00.000Z' })
  occurredAt?: string;
}

export class EventBatchBody {
  @ApiProperty({ type: [EventBody], minItems: 1, maxItems: 1000, description: '1 to EVENTS_MAX_BATCH events; one invalid event refuses the whole batch.' })
  events: EventBody[];
}

export class EventAccepted {
  @ApiProperty({ example: 'Event sent to processing' }) message: string;
  @ApiProperty({ example: 'accepted' }) status: string;
  @ApiProperty() eventId: string;
}

export class EventsAccepted {
  @ApiProperty({ example: 'Events sent to processing' }) message: string;
  @ApiProperty({ example: 'accepted' }) status: string;
  @ApiProperty() accepted: number;
  @ApiProperty({ type: [String] }) eventIds: string[];
}

/** `?page=&limit=` of the dead letters, with the same bounds as the other paged lists. */
export class EventDeadLettersQuery extends RunsQuery {}

export class RetryEventDeadLettersBody {
  @ApiPropertyOptional({ type: [String], description: 'Only these events; all dead letters when absent.' })
  @IsOptional()
  @IsArray({ message: 'eventIds must be an array of strings' })
  @ArrayMaxSize(100_000, { message: 'eventIds must hold at most 100000 ids' })
  @IsString({ each: true, message: 'eventIds must be an array of strings' })
  eventIds?: string[];
}
