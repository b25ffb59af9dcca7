import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { LANES, type Lane } from '@pedidos/contract';
import { MAX_RETRY_SELECTION } from '../../../domain/retry-scope';

/** A job id as the pipeline makes them (`sliceJobId`): `<runId>:<VIP|NORMAL>:<from>-<to>`, then an optional tag. */
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:(VIP|NORMAL):\d{1,10}-\d{1,10}(:[A-Za-z0-9_-]{1,40})?$/;

export class LaneQuery {
  @ApiProperty({ enum: LANES, description: 'The lane whose failed jobs are retried.' })
  @IsIn(LANES, { message: `lane must be one of ${LANES.join(', ')}` })
  lane: Lane;
}

export class FailedJobParams {
  @ApiProperty({ enum: LANES })
  @IsIn(LANES, { message: `lane must be one of ${LANES.join(', ')}` })
  lane: Lane;

  @ApiProperty({ description: 'The job id as GET /pedidos/queue/jobs lists it, e.g. `<runId>:VIP:0-5000`.', example: '8f1c…:VIP:0-5000' })
  @IsString({ message: 'jobId must be a job id' })
  @MaxLength(200, { message: 'jobId must be a job id' })
  @Matches(JOB_ID, { message: 'jobId must be a job id like <runId>:VIP:0-5000' })
  jobId: string;
}

export class RetryDeadLettersBody {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_RETRY_SELECTION,
    uniqueItems: true,
    description: `Only the dead letters of these orders (1 to ${MAX_RETRY_SELECTION}, each an open dead letter of the latest run); every failed order of the latest run when absent.`,
  })
  @IsOptional()
  @IsArray({ message: 'orderIds must be an array of order ids' })
  @ArrayNotEmpty({ message: 'orderIds must name at least one order (leave it out to retry every dead letter)' })
  @ArrayMaxSize(MAX_RETRY_SELECTION, { message: `orderIds must name at most ${MAX_RETRY_SELECTION} orders` })
  @ArrayUnique({ message: 'orderIds must not name an order twice' })
  @IsUUID('all', { each: true, message: 'each of orderIds must be an order id (a UUID)' })
  orderIds?: string[];
}

export function priorityOfLane(lane: Lane): 'VIP' | 'NORMAL' {
  return lane === 'vip' ? 'VIP' : 'NORMAL';
}
