import { randomBytes } from 'node:crypto';
import { EventSettings } from '../../application/events/event-settings';
import { Environment } from './environment';
import { ProcessRole } from './settings';

export function eventSettingsFrom(env: Environment, role: ProcessRole): EventSettings {
  return new EventSettings({
    limits: {
      maxBatch: env.EVENTS_MAX_BATCH,
      maxIdLength: env.EVENTS_MAX_ID_LENGTH,
      maxStringLength: env.EVENTS_MAX_STRING_LENGTH,
      maxDepth: env.EVENTS_MAX_DEPTH,
      maxEventDataBytes: env.EVENTS_MAX_EVENT_DATA_BYTES,
    },
    batching: { size: env.EVENTS_BATCH_SIZE, flushMs: env.EVENTS_FLUSH_MS },
    intakeGroup: { max: env.EVENTS_INTAKE_GROUP_MAX, waitMs: env.EVENTS_INTAKE_GROUP_WAIT_MS },
    queueTimeoutMs: env.EVENTS_QUEUE_TIMEOUT_MS,
    queueConcurrency: env.EVENTS_QUEUE_CONCURRENCY,
    maxAttempts: env.MAX_ATTEMPTS,
    runConsumers: role === 'worker' || env.RUN_WORKERS_IN_API,
    consumerId: `${role}-${process.pid}-${randomBytes(2).toString('hex')}`,
  });
}
