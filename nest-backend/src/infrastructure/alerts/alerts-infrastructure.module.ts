import { DynamicModule, Global, Module } from '@nestjs/common';
import { AlertSettings } from '../../application/alerts/alert-settings';
import { AlertFeed } from '../../domain/alerts/ports/alert-feed.port';
import { AlertStore } from '../../domain/alerts/ports/alert-store.port';
import { AlertWebhook } from '../../domain/alerts/ports/alert-webhook.port';
import { EvaluatorLease } from '../../domain/alerts/ports/evaluator-lease.port';
import { ServiceProbe } from '../../domain/alerts/ports/service-probe.port';
import { alertSettingsFrom } from '../config/alert-settings';
import { Environment } from '../config/environment';
import { ProcessRole } from '../config/settings';
import { ConnectionProbe } from './connection-probe';
import { HttpAlertWebhook } from './http-alert-webhook';
import { RedisAlertFeed } from './redis-alert-feed';
import { RedisAlertStore } from './redis-alert-store';
import { RedisEvaluatorLease } from './redis-evaluator-lease';

/** Binds the alert ports to Redis, the outgoing webhook and the connections' own health; relies on InfrastructureModule for Redis, MongoDB and the keys. */
@Global()
@Module({})
export class AlertsInfrastructureModule {
  static forRoot(env: Environment, role: ProcessRole): DynamicModule {
    return {
      module: AlertsInfrastructureModule,
      providers: [
        { provide: AlertSettings, useValue: alertSettingsFrom(env, role) },
        { provide: AlertStore, useClass: RedisAlertStore },
        { provide: AlertFeed, useClass: RedisAlertFeed },
        { provide: AlertWebhook, useClass: HttpAlertWebhook },
        { provide: EvaluatorLease, useClass: RedisEvaluatorLease },
        { provide: ServiceProbe, useClass: ConnectionProbe },
      ],
      exports: [AlertSettings, AlertStore, AlertFeed, AlertWebhook, EvaluatorLease, ServiceProbe],
    };
  }
}
