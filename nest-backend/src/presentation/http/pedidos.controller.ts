import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CancelRunService } from '../../application/cancel-run/cancel-run.service';
import { ReadStatusService } from '../../application/read-status/read-status.service';
import { ResetSystemService } from '../../application/reset-system/reset-system.service';
import { StartRunService } from '../../application/start-run/start-run.service';
import { LogBook } from '../../domain/ports/run-events.port';
import { NoQuery } from './dto/no-query.dto';
import { CancelQuery, GenerateQuery, LogsQuery } from './dto/pedidos.dto';
import { CANCEL_RESULT_SCHEMA, GENERATE_RESULT_SCHEMA, LOGS_BODY_SCHEMA, RESET_RESULT_SCHEMA, STATUS_SNAPSHOT_SCHEMA } from './dto/pedidos.schema';

const STATUS_DESCRIPTION = `Status of the latest run, read from two point lookups (never a scan of the orders).

- **generationTimeMs**: from the generate request until the last order was stored (includes queueing VIP slices as their chunk lands).
- **enqueueVipTimeMs** / **enqueueNormalTimeMs**: time spent adding that priority's jobs to the queue, summed.
- **processing.vip|normal.start**: when the first job of that priority started; **end**: when its last job finished (null while the priority is still being processed); **timeMs**: end − start (or now − start while running); **count**: orders processed.
- **totalTimeMs**: wall clock from the generate request to DONE (or to now while running; to the cancel for ABORTED runs).
- **throughput.vip|normal**: count / timeMs of that window, orders per second; **overall**: all processed orders over the time from the first start to the last end; **current**: over the last 5 s.
- **eta.estimatedMs**: orders not yet settled / current (or overall) rate; **progressPercent**: (processed + failed) / target.
- **counts.failed**: orders that failed every attempt; **counts.cancelled**: orders of a cancelled run that were never processed (including those never generated).`;

@ApiTags('pedidos')
@Controller('pedidos')
export class PedidosController {
  constructor(
    private readonly status: ReadStatusService,
    private readonly start: StartRunService,
    private readonly cancelRun: CancelRunService,
    private readonly resetSystem: ResetSystemService,
    private readonly logs: LogBook,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Timings, counts, throughput, ETA and phase of the latest run', description: STATUS_DESCRIPTION })
  @ApiOkResponse({ schema: STATUS_SNAPSHOT_SCHEMA })
  snapshot(@Query() _query: NoQuery) {
    return this.status.snapshot();
  }

  @Post('generate')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Start a run: generate N orders and (unless autoProcess=false) process them VIP first' })
  @ApiAcceptedResponse({ schema: GENERATE_RESULT_SCHEMA })
  @ApiConflictResponse({ description: 'a run is already active' })
  generate(@Query() query: GenerateQuery) {
    return this.start.generate(query.quantity, query.autoProcess);
  }

  @Post('process')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Process a run generated with autoProcess=false' })
  @ApiAcceptedResponse({ schema: GENERATE_RESULT_SCHEMA })
  @ApiConflictResponse({ description: 'no run waits to be processed' })
  process(@Query() _query: NoQuery) {
    return this.start.process();
  }

  @Post('cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel the active run: it ends ABORTED, queued jobs are discarded, running ones finish' })
  @ApiOkResponse({ schema: CANCEL_RESULT_SCHEMA })
  @ApiConflictResponse({ description: 'no run is active' })
  cancel(@Query() query: CancelQuery) {
    return this.cancelRun.cancel(query);
  }

  @Post('reset')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Delete every order and run, empty the queue, counters and logs' })
  @ApiOkResponse({ schema: RESET_RESULT_SCHEMA })
  @ApiConflictResponse({ description: 'a run is active' })
  reset(@Query() _query: NoQuery) {
    return this.resetSystem.reset();
  }

  @Get('logs')
  @ApiOperation({ summary: 'The last log lines of every backend process, oldest first' })
  @ApiOkResponse({ schema: LOGS_BODY_SCHEMA })
  async tail(@Query() query: LogsQuery) {
    return { lines: await this.logs.tail(query.lines) };
  }
}
