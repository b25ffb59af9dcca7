import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProcessMetrics } from '../../infrastructure/metrics/process-metrics';

@ApiTags('metrics')
@Controller('pedidos/metrics')
export class ProcessMetricsController {
  constructor(private readonly metrics: ProcessMetrics) {}

  @Get('process')
  @ApiOperation({
    summary: 'What this API process costs: CPU, memory, event-loop delay and (with MONGO_MONITOR_COMMANDS=true) MongoDB commands sent',
  })
  @ApiOkResponse({ description: '{ pid, process, uptimeMs, cpuMs, memoryMb: { rss, peakRss, heapTotal, heapUsed, external }, eventLoopDelayMs: { p50, p99, max, samples, since }, mongoCommands }' })
  process() {
    return this.metrics.snapshot();
  }
}
