import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { EVENT_TYPES } from '../../../../domain/events/interaction-event';

const count: SchemaObject = { type: 'integer', minimum: 0 };
const nullableNumber: SchemaObject = { type: 'number', nullable: true };
const perType: SchemaObject = { type: 'object', properties: Object.fromEntries(EVENT_TYPES.map((type) => [type, count])), required: [...EVENT_TYPES] };
const somePerType: SchemaObject = { type: 'object', additionalProperties: count, description: 'events per type (types with none left out)' };
const isoDate: SchemaObject = { type: 'string', format: 'date-time' };

/** OpenAPI schema of `GET /events/metrics` (and of the `events:metrics` socket event); docs/api.md explains each field. */
export const EVENT_METRICS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['accepted', 'stored', 'duplicates', 'deadLettered', 'inQueue', 'batches', 'byType', 'rates', 'timeline', 'since'],
  properties: {
    accepted: count,
    stored: count,
    duplicates: count,
    deadLettered: count,
    inQueue: count,
    batches: {
      type: 'object',
      properties: {
        stored: count,
        current: { type: 'object', properties: { size: count, ageMs: count, limit: count, flushMs: count } },
        sizeP50: nullableNumber,
        sizeP99: nullableNumber,
        writeMsP50: nullableNumber,
        writeMsP99: nullableNumber,
        recent: {
          type: 'array',
          maxItems: 20,
          items: { type: 'object', properties: { batchId: { type: 'string' }, size: count, durationMs: count, storedAt: isoDate, types: somePerType } },
        },
      },
    },
    byType: perType,
    rates: { type: 'object', properties: { acceptedPerSec: count, storedPerSec: count, acceptedAvgPerSec: count, storedAvgPerSec: count } },
    timeline: {
      type: 'object',
      properties: {
        intervalMs: { type: 'integer', enum: [1000] },
        points: { type: 'array', items: { type: 'object', properties: { at: isoDate, accepted: count, stored: count, byType: perType } } },
      },
    },
    since: { ...isoDate, nullable: true },
  },
};

/** OpenAPI schema of `GET /events/dead-letters`. */
export const EVENT_DEAD_LETTERS_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          eventId: { type: 'string' },
          userId: { type: 'string' },
          eventType: { type: 'string', enum: [...EVENT_TYPES] },
          sessionId: { type: 'string' },
          reason: { type: 'string' },
          attempts: count,
          failedAt: isoDate,
          event: { type: 'object', additionalProperties: true, description: 'the event as accepted' },
        },
      },
    },
    total: count,
    page: count,
    limit: count,
  },
};
