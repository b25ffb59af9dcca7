import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventSettings } from '../../application/events/event-settings';
import { EventDeadLetterStore } from '../../domain/events/ports/event-dead-letter-store.port';
import { EventMetricsStore } from '../../domain/events/ports/event-metrics-store.port';
import { EventQueue } from '../../domain/events/ports/event-queue.port';
import { EventStore } from '../../domain/events/ports/event-store.port';
import { Environment } from '../config/environment';
import { eventSettingsFrom } from '../config/event-settings';
import { ProcessRole } from '../config/settings';
import { PrometheusEventMetricsStore } from '../prometheus/prometheus-event-metrics-store';
import { EVENTS_QUEUE } from '../queue/queue-names';
import { BullEventQueue } from './bull-event-queue';
import { EventDeadLetterDocument, EventDeadLetterSchema } from './event-dead-letter.schema';
import { MongoEventDeadLetterStore } from './mongo-event-dead-letter.store';
import { MongoEventStore } from './mongo-event.store';
import { RedisEventMetricsStore } from './redis-event-metrics.store';
import { UserInteractionDocument, UserInteractionSchema } from './user-interaction.schema';

/**
 * Binds the event-intake ports to MongoDB, Bull and Redis. It relies on InfrastructureModule for the
 * connections (MongoDB, Redis, Bull's defaults: attempts, backoff, removeOnComplete), the config and the keys.
 */
@Global()
@Module({})
export class EventsInfrastructureModule {
  static forRoot(env: Environment, role: ProcessRole): DynamicModule {
    return {
      module: EventsInfrastructureModule,
      imports: [
        MongooseModule.forFeature([
          { name: UserInteractionDocument.name, schema: UserInteractionSchema },
          { name: EventDeadLetterDocument.name, schema: EventDeadLetterSchema },
        ]),
        BullModule.registerQueue({ name: EVENTS_QUEUE }),
      ],
      providers: [
        { provide: EventSettings, useValue: eventSettingsFrom(env, role) },
        { provide: EventStore, useClass: MongoEventStore },
        { provide: EventDeadLetterStore, useClass: MongoEventDeadLetterStore },
        { provide: EventQueue, useClass: BullEventQueue },
        RedisEventMetricsStore,
        // What is recorded in Redis is counted for Prometheus too (infrastructure/prometheus).
        { provide: EventMetricsStore, useClass: PrometheusEventMetricsStore },
      ],
      exports: [EventSettings, EventStore, EventDeadLetterStore, EventQueue, EventMetricsStore],
    };
  }
}
