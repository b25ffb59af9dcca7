import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IntegerQuery } from '../dto/query-transforms';

export class AlertsQuery {
  @ApiPropertyOptional({ description: 'How many cleared alerts to list, newest first.', default: 20, minimum: 0, maximum: 100 })
  @IsOptional()
  @IntegerQuery()
  @IsInt({ message: 'recent must be a whole number' })
  @Min(0, { message: 'recent must be 0 or more' })
  @Max(100, { message: 'recent must be at most 100' })
  recent: number = 20;
}
