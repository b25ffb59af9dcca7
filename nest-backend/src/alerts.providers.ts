import { Provider } from '@nestjs/common';
import { AlertDispatcher } from './application/alerts/evaluate-alerts/alert-dispatcher';
import { AlertEvaluator } from './application/alerts/evaluate-alerts/alert-evaluator.service';
import { ReadAlertsService } from './application/alerts/read-alerts/read-alerts.service';
import { AlertsController } from './presentation/http/alerts/alerts.controller';
import { AlertsGateway } from './presentation/ws/alerts.gateway';

/** Alerts run in API processes only: one of them evaluates (a lease), every one relays and lists them. */
export const ALERTS_API_PROVIDERS: Provider[] = [AlertDispatcher, AlertEvaluator, ReadAlertsService, AlertsGateway];

export const ALERTS_CONTROLLERS = [AlertsController];
