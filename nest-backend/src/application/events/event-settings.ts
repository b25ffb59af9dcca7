import { BatchingPolicy } from '../../domain/events/batching-policy';
import { EventLimits } from '../../domain/events/event-limits';

/** Tunables of event intake and storage, validated from the EVENTS_* variables at boot (see infrastructure/config). */
export class EventSettings {
  readonly limits: EventLimits;
  readonly batching: BatchingPolicy;
  /** Single events gathered into one queue job: at most `max`, for at most `waitMs` after the first. */
  readonly intakeGroup: { max: number; waitMs: number };
  readonly queueTimeoutMs: number;
  readonly queueConcurrency: number;
  readonly maxAttempts: number;
  /** Whether this process consumes the events queue. */
  readonly runConsumers: boolean;
  /** Name of this process in metrics and log lines: `api-<pid>` or `worker-<pid>`. */
  readonly consumerId: string;

  constructor(settings: EventSettings) {
    Object.assign(this, settings);
  }
}
