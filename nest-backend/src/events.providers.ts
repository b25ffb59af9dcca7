import { Provider } from '@nestjs/common';
import { AcceptEventsService } from './application/events/accept-events/accept-events.service';
import { ReadEventMetricsService } from './application/events/read-event-metrics/read-event-metrics.service';
import { ResetEventsService } from './application/events/reset-events/reset-events.service';
import { RetryEventDeadLettersService } from './application/events/retry-event-dead-letters/retry-event-dead-letters.service';
import { EventConsumer } from './application/events/store-event-batches/event-consumer';
import { StoreEventBatchService } from './application/events/store-event-batches/store-event-batch.service';
import { EventsControlController } from './presentation/http/events/events-control.controller';
import { EventsIntakeController } from './presentation/http/events/events-intake.controller';
import { EventsGateway } from './presentation/ws/events.gateway';

/** What a worker process needs of event intake: the consumer that stores batches. */
export const EVENTS_WORKER_PROVIDERS: Provider[] = [StoreEventBatchService, EventConsumer];

/** Everything an API process runs for event intake (the consumer too, with RUN_WORKERS_IN_API). */
export const EVENTS_API_PROVIDERS: Provider[] = [
  ...EVENTS_WORKER_PROVIDERS,
  AcceptEventsService,
  ReadEventMetricsService,
  RetryEventDeadLettersService,
  ResetEventsService,
  EventsGateway,
];

export const EVENTS_CONTROLLERS = [EventsIntakeController, EventsControlController];
