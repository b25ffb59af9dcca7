import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ALERTS_API_PROVIDERS, ALERTS_CONTROLLERS } from './alerts.providers';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { AUDIT_CONTROLLERS, AUDIT_PROVIDERS } from './audit.providers';
import { EVENTS_API_PROVIDERS, EVENTS_CONTROLLERS, EVENTS_WORKER_PROVIDERS } from './events.providers';
import { AlertsInfrastructureModule } from './infrastructure/alerts/alerts-infrastructure.module';
import { Environment } from './infrastructure/config/environment';
import { AuditInfrastructureModule } from './infrastructure/audit/audit-infrastructure.module';
import { EventsInfrastructureModule } from './infrastructure/events/events-infrastructure.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { loggerModule } from './infrastructure/logging/logger.module';
import { PrometheusMetricsModule } from './infrastructure/prometheus/prometheus-metrics.module';
import { OrderSearchInfrastructureModule } from './infrastructure/mongo/order-search-infrastructure.module';
import { ORDER_SEARCH_CONTROLLERS, ORDER_SEARCH_PROVIDERS } from './order-search.providers';
import { API_PROVIDERS, WORKER_PROVIDERS } from './pipeline.providers';
import { ServerProfileController } from './presentation/http/server-profile.controller';
import { AccessModule } from './presentation/http/access.module';
import { DeadLettersController } from './presentation/http/dead-letters.controller';
import { FailedJobsController } from './presentation/http/failed-jobs.controller';
import { HealthController } from './presentation/http/health.controller';
import { MetricsController } from './presentation/http/metrics.controller';
import { PedidosController } from './presentation/http/pedidos.controller';
import { ProcessMetricsController } from './presentation/http/process-metrics.controller';
import { QueueBoardModule } from './presentation/http/queue-board.module';
import { QueueController } from './presentation/http/queue.controller';
import { RunsController } from './presentation/http/runs.controller';
import { RunReportController } from './presentation/http/run-report.controller';
import { RunSeriesInfrastructureModule } from './infrastructure/mongo/run-series-infrastructure.module';
import { PedidosGateway } from './presentation/ws/pedidos.gateway';

/** The API process: REST, Socket.IO, the run orchestrator and (unless RUN_WORKERS_IN_API=false) workers. */
@Module({})
export class AppModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule(env, 'api'),
        InfrastructureModule.forRoot(env, 'api'),
        EventsInfrastructureModule.forRoot(env, 'api'),
        AuditInfrastructureModule.forRoot(env),
        RunSeriesInfrastructureModule.forRoot(env),
        AlertsInfrastructureModule.forRoot(env, 'api'),
        TerminusModule,
        AccessModule.forRoot(env),
        PrometheusMetricsModule.forRoot(env, 'api'),
        // Default metrics are registered by MetricsExposition, once per process.
        PrometheusModule.register({ controller: MetricsController, defaultMetrics: { enabled: false } }),
        QueueBoardModule.forRoot(env),
        OrderSearchInfrastructureModule,
      ],
      // Event intake first: Express tries the routes in this order, and POST /events is the busiest path.
      controllers: [...EVENTS_CONTROLLERS, PedidosController, QueueController, RunsController, DeadLettersController, FailedJobsController, HealthController, ProcessMetricsController, ServerProfileController, ...AUDIT_CONTROLLERS, RunReportController, ...ORDER_SEARCH_CONTROLLERS, ...ALERTS_CONTROLLERS],
      providers: [...API_PROVIDERS, PedidosGateway, ...EVENTS_API_PROVIDERS, ...AUDIT_PROVIDERS, ...ORDER_SEARCH_PROVIDERS, ...ALERTS_API_PROVIDERS],
    };
  }
}

/** A worker process: consumes the queue, nothing else. */
@Module({})
export class WorkerModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        loggerModule(env, 'worker'),
        InfrastructureModule.forRoot(env, 'worker'),
        EventsInfrastructureModule.forRoot(env, 'worker'),
        PrometheusMetricsModule.forRoot(env, 'worker'),
      ],
      providers: [...WORKER_PROVIDERS, ...EVENTS_WORKER_PROVIDERS],
    };
  }
}
