import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProcessMetrics } from '../../infrastructure/metrics/process-metrics';
import { PROCESS_METRICS_SCHEMA } from './dto/operations.schema';

@ApiTags('metrics')
@Controller('pedidos/metrics')
export class ProcessMetricsController {
  constructor(private readonly metrics: ProcessMetrics) {}

  @Get('process')
  @ApiOperation({
    summary: 'What this API process costs: CPU, memory, event-loop delay and (with MONGO_MONITOR_COMMANDS=true) MongoDB commands sent',
  })
  @ApiOkResponse({ schema: PROCESS_METRICS_SCHEMA })
  process() {
    return this.metrics.snapshot();
  }
}
