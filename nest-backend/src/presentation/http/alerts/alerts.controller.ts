import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ReadAlertsService } from '../../../application/alerts/read-alerts/read-alerts.service';
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
  list(@Query() query: AlertsQuery) {
    return this.alerts.list(query.recent);
  }
}
