import type { AlertsBody } from '@pedidos/contract';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ReadAlertsService } from '../../../application/alerts/read-alerts/read-alerts.service';
import { alertsBody } from '../../alerts/alert-view';
import { AlertsQuery } from './alerts.query';
import { ALERTS_VIEW_SCHEMA } from './alerts.schema';

@ApiTags('alerts')
@Controller('pedidos/alerts')
export class AlertsController {
  constructor(private readonly alerts: ReadAlertsService) {}

  @Get()
  @ApiOperation({ summary: 'Open alerts and the last cleared ones, with the thresholds in force (README "Alerts")' })
  @ApiOkResponse({ schema: ALERTS_VIEW_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'Redis did not answer and this API process does not evaluate alerts (ALERTS_UNAVAILABLE)' })
  async list(@Query() query: AlertsQuery): Promise<AlertsBody> {
    return alertsBody(await this.alerts.list(query.recent));
  }
}
