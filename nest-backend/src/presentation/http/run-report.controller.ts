import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { reportCsv } from '../../application/run-report/report-csv';
import type { RunReport } from '@pedidos/contract';
import { RunReportService } from '../../application/run-report/run-report.service';
import { NoQuery } from './dto/no-query.dto';
import { RUN_REPORT_CSV_SCHEMA, RUN_REPORT_SCHEMA } from './dto/operations.schema';
import { RunIdFormatError } from './runs.controller';

const runIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new RunIdFormatError() });

@ApiTags('runs')
@Controller('pedidos/runs/:runId')
export class RunReportController {
  constructor(private readonly reports: RunReportService) {}

  @Get('report')
  @ApiOperation({ summary: "The run's settings, timings, counts and throughput series (JSON)" })
  @ApiOkResponse({ schema: RUN_REPORT_SCHEMA })
  @ApiNotFoundResponse({ description: 'no run has this id' })
  report(@Param('runId', runIdPipe) runId: string, @Query() _query: NoQuery): Promise<RunReport> {
    return this.reports.report(runId);
  }

  @Get('report.csv')
  @ApiOperation({ summary: 'The same report as CSV: field,value rows, a blank line, then one row per point of the series' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: RUN_REPORT_CSV_SCHEMA })
  @ApiNotFoundResponse({ description: 'no run has this id' })
  @Header('content-type', 'text/csv; charset=utf-8')
  async reportCsv(@Param('runId', runIdPipe) runId: string, @Query() _query: NoQuery, @Res({ passthrough: true }) response: Response): Promise<string> {
    const report = await this.reports.report(runId);
    response.setHeader('content-disposition', `attachment; filename="run-${runId}.csv"`);
    return reportCsv(report);
  }
}
