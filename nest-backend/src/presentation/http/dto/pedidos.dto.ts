import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { WIRE_CLEANABLE_STATES, WIRE_JOB_STATES, WireCleanState, WireJobState } from '../queue-wire';
import { BooleanQuery, IntegerQuery, ListQuery } from './query-transforms';

export class GenerateQuery {
  @ApiPropertyOptional({ description: 'How many orders to generate (1 to MAX_ORDERS).', default: 1_000_000, minimum: 1 })
  @IsOptional()
  @IntegerQuery()
  @IsInt({ message: 'quantity must be a whole number' })
  @Min(1, { message: 'quantity must be at least 1' })
  quantity: number = 1_000_000;

  @ApiPropertyOptional({ description: 'false: stop after generation and wait for POST /pedidos/process.', default: true })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'autoProcess must be true or false' })
  autoProcess: boolean = true;
}

export class CancelQuery {
  @ApiPropertyOptional({ description: "Also remove the queue's history (completed and failed jobs).", default: true })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'purge must be true or false' })
  purge: boolean = true;

  @ApiPropertyOptional({ description: "Delete the run's orders that were never processed (otherwise they stay, counted as cancelled).", default: false })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'removePending must be true or false' })
  removePending: boolean = false;

  @ApiPropertyOptional({ description: 'Clear the shared log tail.', default: false })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'resetLogs must be true or false' })
  resetLogs: boolean = false;
}

export class CleanQuery {
  @ApiPropertyOptional({ enum: WIRE_CLEANABLE_STATES, description: 'Which jobs to remove.' })
  @IsIn(WIRE_CLEANABLE_STATES, { message: `state must be one of ${WIRE_CLEANABLE_STATES.join(', ')}` })
  state: WireCleanState;
}

export class JobsQuery {
  @ApiPropertyOptional({ description: `Comma-separated states among ${WIRE_JOB_STATES.join(', ')}.`, default: 'waiting,active,failed,delayed' })
  @IsOptional()
  @ListQuery()
  @ArrayNotEmpty({ message: 'types must name at least one state' })
  @IsIn(WIRE_JOB_STATES, { each: true, message: `types must be among ${WIRE_JOB_STATES.join(', ')}` })
  types: WireJobState[] = ['waiting', 'active', 'failed', 'delayed'];

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @IntegerQuery()
  @IsInt({ message: 'start must be a whole number' })
  @Min(0, { message: 'start must be 0 or more' })
  start: number = 0;

  @ApiPropertyOptional({ default: 49, minimum: 0, description: 'Inclusive; at most 500 jobs per page.' })
  @IsOptional()
  @IntegerQuery()
  @IsInt({ message: 'end must be a whole number' })
  @Min(0, { message: 'end must be 0 or more' })
  end: number = 49;
}

export class LogsQuery {
  @ApiPropertyOptional({ default: 200, minimum: 1, maximum: 1000 })
  @IsOptional()
  @IntegerQuery()
  @IsInt({ message: 'lines must be a whole number' })
  @Min(1, { message: 'lines must be at least 1' })
  @Max(1000, { message: 'lines must be at most 1000' })
  lines: number = 200;
}

export class RunsQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @IntegerQuery()
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be at least 1' })
  @Max(1_000_000, { message: 'page must be at most 1000000' })
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @IntegerQuery()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(100, { message: 'limit must be at most 100' })
  limit: number = 20;
}

export class DeadLettersQuery extends RunsQuery {
  @ApiPropertyOptional({ description: 'Only the dead letters of this run.' })
  @IsOptional()
  @IsUUID('all', { message: 'runId must be a UUID' })
  runId?: string;
}
