import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ALERT_KINDS } from '../../../domain/alerts/alert';

const isoDate: SchemaObject = { type: 'string', format: 'date-time' };
const seconds: SchemaObject = { type: 'integer', minimum: 0 };

/** One alert, as in `GET /pedidos/alerts`, the socket `alert` event and the webhook; docs/api.md explains each field. */
export const ALERT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'key', 'kind', 'severity', 'message', 'runId', 'lane', 'details', 'openedAt', 'clearedAt'],
  properties: {
    id: { type: 'string', description: 'unique per occurrence' },
    key: { type: 'string', description: 'the condition (kind and subject); at most one open alert per key', example: 'lane-stalled:VIP' },
    kind: { type: 'string', enum: [...ALERT_KINDS] },
    severity: { type: 'string', enum: ['warning', 'critical'] },
    message: { type: 'string', description: 'English sentence for logs and webhooks' },
    runId: { type: 'string', nullable: true },
    lane: { type: 'string', enum: ['VIP', 'NORMAL'], nullable: true },
    details: { type: 'object', additionalProperties: { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } },
    openedAt: isoDate,
    clearedAt: { ...isoDate, nullable: true },
  },
};

export const ALERTS_VIEW_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['open', 'recent', 'source', 'thresholds', 'webhookConfigured'],
  properties: {
    open: { type: 'array', items: ALERT_SCHEMA, description: 'open alerts, oldest first' },
    recent: { type: 'array', items: ALERT_SCHEMA, description: 'cleared alerts, newest first' },
    source: { type: 'string', enum: ['store', 'local'], description: "local: Redis did not answer and this is the evaluating process's own view" },
    thresholds: {
      type: 'object',
      properties: {
        checkEveryMs: { type: 'integer' },
        stallAlertS: seconds,
        vipDeadlineS: seconds,
        deadLettersAlertMin: { type: 'integer', minimum: 0 },
        queueUnreachableAlertS: seconds,
        databaseUnreachableAlertS: seconds,
      },
    },
    webhookConfigured: { type: 'boolean' },
  },
};
