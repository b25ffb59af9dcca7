import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';
import { MetricsExposition } from '../../infrastructure/prometheus/metrics-exposition';
import { PROMETHEUS_TEXT_SCHEMA } from './dto/operations.schema';
import { OpenRead } from './access/open-read.decorator';

/** `GET /metrics` (the path PrometheusModule gives it): this API process's metrics for Prometheus. */
@ApiTags('metrics')
@OpenRead()
@Controller()
export class MetricsController extends PrometheusController {
  constructor(private readonly exposition: MetricsExposition) {
    super();
  }

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics of this API process: process and Node.js, HTTP requests, queue lanes, run phase, orders, jobs, phase durations',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', schema: PROMETHEUS_TEXT_SCHEMA })
  override async index(@Res({ passthrough: true }) response: Response): Promise<string> {
    await this.exposition.refresh();
    return super.index(response);
  }
}
