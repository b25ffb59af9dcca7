import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { PipelineMetrics } from '../../domain/ports/pipeline-metrics.port';
import { Environment } from '../config/environment';
import { ProcessRole } from '../config/settings';
import { HttpRequestMetrics } from './http-request-metrics';
import { EventQueueGauges } from './event-queue-gauges';
import { API_METRIC_PROVIDERS, EVENT_API_METRIC_PROVIDERS, EVENT_METRIC_PROVIDERS, EVENT_METRIC_TOKENS, PIPELINE_METRIC_PROVIDERS } from './metric-definitions';
import { MetricsExposition } from './metrics-exposition';
import { PrometheusEventMetricsStore } from './prometheus-event-metrics-store';
import { PrometheusPipelineMetrics } from './prometheus-pipeline-metrics';
import { ScrapeTimeGauges } from './scrape-time-gauges';
import { WorkerMetricsServer } from './worker-metrics-server';

/**
 * Prometheus metrics of one process: binds the PipelineMetrics port, and makes the exposition. An API
 * process also times its HTTP requests and reads the queue and run gauges at scrape time (its
 * `GET /metrics` is the presentation's MetricsController); a worker serves `/metrics` on METRICS_PORT.
 */
@Global()
@Module({})
export class PrometheusMetricsModule {
  static forRoot(env: Environment, role: ProcessRole): DynamicModule {
    const shared: Provider[] = [...PIPELINE_METRIC_PROVIDERS, ...EVENT_METRIC_PROVIDERS, { provide: PipelineMetrics, useClass: PrometheusPipelineMetrics }];
    // EventsInfrastructureModule binds its metrics store to PrometheusEventMetricsStore, which needs these.
    const eventTokens = EVENT_METRIC_TOKENS;
    if (role === 'api') {
      return {
        module: PrometheusMetricsModule,
        providers: [
          ...shared,
          ...API_METRIC_PROVIDERS,
          ...EVENT_API_METRIC_PROVIDERS,
          ScrapeTimeGauges,
          EventQueueGauges,
          HttpRequestMetrics,
          {
            provide: MetricsExposition,
            inject: [ScrapeTimeGauges, EventQueueGauges],
            useFactory: (lanes: ScrapeTimeGauges, events: EventQueueGauges) => new MetricsExposition([lanes, events]),
          },
        ],
        exports: [PipelineMetrics, MetricsExposition, HttpRequestMetrics, ...eventTokens],
      };
    }
    const worker: Provider[] = [{ provide: MetricsExposition, useFactory: () => new MetricsExposition() }];
    if (env.METRICS_PORT > 0) {
      worker.push({ provide: WorkerMetricsServer, inject: [MetricsExposition], useFactory: (exposition: MetricsExposition) => new WorkerMetricsServer(exposition, env.METRICS_PORT) });
    }
    return { module: PrometheusMetricsModule, providers: [...shared, ...worker], exports: [PipelineMetrics, MetricsExposition, ...eventTokens] };
  }
}
