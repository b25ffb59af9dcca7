import { Controller, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FailedJobsRetried, RetryFailedJobsService } from '../../application/retry-failed-jobs/retry-failed-jobs.service';
import { NoQuery } from './dto/no-query.dto';
import { FAILED_JOBS_RETRIED_SCHEMA } from './dto/operations.schema';
import type { Lane } from '@pedidos/contract';
import { FailedJobParams, LaneQuery, priorityOfLane } from './dto/retry.dto';

const CONFLICT = 'a run is active (a reopened one too), the latest run did not end DONE, or the job belongs to an earlier run; or (lane) nothing of the latest run failed in it';

/** Retrying failed jobs from the queue page: each puts its failed orders back in their reopened run, VIP first. */
@ApiTags('queue')
@Controller('pedidos/queue/failed')
export class FailedJobsController {
  constructor(private readonly failedJobs: RetryFailedJobsService) {}

  @Post('retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: "Retry every failed job of a lane of the latest run: the run's failed orders of that priority go back to pending, the run reopens and drains VIP first" })
  @ApiAcceptedResponse({ schema: FAILED_JOBS_RETRIED_SCHEMA })
  @ApiConflictResponse({ description: CONFLICT })
  async retryLane(@Query() query: LaneQuery) {
    return view(query.lane, await this.failedJobs.retryLane(priorityOfLane(query.lane)));
  }

  @Post(':lane/:jobId/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Retry one failed job: its failed orders go back to pending in its reopened run, and it leaves the failed list' })
  @ApiAcceptedResponse({ schema: FAILED_JOBS_RETRIED_SCHEMA })
  @ApiNotFoundResponse({ description: 'the lane keeps no job with this id' })
  @ApiConflictResponse({ description: `the job is not failed; or ${CONFLICT}` })
  async retryJob(@Param() params: FailedJobParams, @Query() _query: NoQuery) {
    return view(params.lane, await this.failedJobs.retryJob(priorityOfLane(params.lane), params.jobId));
  }
}

function view(lane: Lane, retried: FailedJobsRetried) {
  return { runId: retried.runId, lane, jobs: retried.jobs, requeued: retried.requeued, skipped: retried.skipped };
}
