import { BadRequestException, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueueAdminService } from '../../application/queue-admin/queue-admin.service';
import { NoQuery } from './dto/no-query.dto';
import { CleanQuery, JobsQuery } from './dto/pedidos.dto';
import { CLEAN_RESULT_SCHEMA, QUEUE_HEALTH_SCHEMA, QUEUE_JOBS_PAGE_SCHEMA, QUEUE_STATUS_SCHEMA } from './dto/queue.schema';
import { jobStateFromWire, removableStateFromWire, wireCleanState, wireJobsPage, wireQueueHealth, wireQueueStatus } from './queue-wire';

const MAX_JOBS_PAGE = 500;

@ApiTags('queue')
@Controller('pedidos')
export class QueueController {
  constructor(private readonly admin: QueueAdminService) {}

  @Post('queue/pause')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Pause both lanes of the queue (workers finish the jobs they hold)' })
  @ApiOkResponse({ schema: QUEUE_STATUS_SCHEMA })
  async pause(@Query() _query: NoQuery) {
    return wireQueueStatus(await this.admin.pause());
  }

  @Post('queue/resume')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resume the queue' })
  @ApiOkResponse({ schema: QUEUE_STATUS_SCHEMA })
  async resume(@Query() _query: NoQuery) {
    return wireQueueStatus(await this.admin.resume());
  }

  @Post('queue/clean')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Remove the jobs in one state (wait, paused and delayed only while no run is active)' })
  @ApiOkResponse({ schema: CLEAN_RESULT_SCHEMA })
  async clean(@Query() query: CleanQuery) {
    const { state, removed } = await this.admin.clean(removableStateFromWire(query.state));
    return { state: wireCleanState(state), removed };
  }

  @Get('queue/status')
  @ApiOperation({ summary: 'Job counts per state and lane, and whether the queue is paused' })
  @ApiOkResponse({ schema: QUEUE_STATUS_SCHEMA })
  async status(@Query() _query: NoQuery) {
    return wireQueueStatus(await this.admin.queueStatus());
  }

  @Get('queue/jobs')
  @ApiOperation({ summary: 'Jobs of the given states, paged (start and end inclusive), with failure reasons' })
  @ApiOkResponse({ schema: QUEUE_JOBS_PAGE_SCHEMA })
  async jobs(@Query() query: JobsQuery) {
    if (query.end < query.start) throw new BadRequestException('end must not be less than start');
    if (query.end - query.start + 1 > MAX_JOBS_PAGE) throw new BadRequestException(`a page holds at most ${MAX_JOBS_PAGE} jobs`);
    return wireJobsPage(await this.admin.jobs(query.types.map(jobStateFromWire), query.start, query.end));
  }

  @Get('health/queue')
  @ApiOperation({ summary: 'Queue health: healthy | degraded | paused | aborted | error, with reasons and a stuck check' })
  @ApiOkResponse({ schema: QUEUE_HEALTH_SCHEMA })
  async health(@Query() _query: NoQuery) {
    return wireQueueHealth(await this.admin.health());
  }
}
