import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { OrderStatus, PRIORITIES, Priority, TIERS, Tier } from '../../../../domain/order';
import { ORDER_STATUSES, OrderFilters, TimeRange } from '../../../../domain/order-search';
import { MAX_CURSOR_LENGTH } from '../../../../application/find-orders/order-cursor';
import { IntegerQuery } from '../../dto/query-transforms';

export const MAX_ORDERS_PAGE = 200;
/** Instants with a time and a zone, as `toISOString()` writes them; a bare date would leave the zone to guess. */
const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT = { strict: true, strictSeparator: true };
const instantMessage = (name: string) => ({ message: `${name} must be an ISO 8601 date-time with its zone, e.g. 2026-12-02T10:00:00Z` });
const realInstantMessage = (name: string) => ({ message: `${name} is not a real date and time` });

export class OrdersQuery {
  @ApiPropertyOptional({ description: 'Only the orders of this run. Without it, runs are searched newest first.' })
  @IsOptional()
  @IsUUID('all', { message: 'runId must be a UUID' })
  runId?: string;

  @ApiPropertyOptional({ enum: TIERS })
  @IsOptional()
  @IsIn(TIERS, { message: `tier must be one of ${TIERS.join(', ')}` })
  tier?: Tier;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` })
  priority?: Priority;

  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES, { message: `status must be one of ${ORDER_STATUSES.join(', ')}` })
  status?: OrderStatus;

  @ApiPropertyOptional({ description: "The start of the customer's name (case-sensitive), e.g. `Ana` or `Ana Silva`." })
  @IsOptional()
  @IsString({ message: 'cliente must be text' })
  @Length(1, 100, { message: 'cliente must be 1 to 100 characters' })
  cliente?: string;

  @ApiPropertyOptional({ description: 'Created at or after this instant (ISO 8601).', format: 'date-time' })
  @IsOptional()
  @Matches(INSTANT_SHAPE, instantMessage('createdFrom'))
  @IsISO8601(INSTANT, realInstantMessage('createdFrom'))
  createdFrom?: string;

  @ApiPropertyOptional({ description: 'Created before this instant (exclusive).', format: 'date-time' })
  @IsOptional()
  @Matches(INSTANT_SHAPE, instantMessage('createdTo'))
  @IsISO8601(INSTANT, realInstantMessage('createdTo'))
  createdTo?: string;

  @ApiPropertyOptional({ description: 'Processed (or failed for good) at or after this instant.', format: 'date-time' })
  @IsOptional()
  @Matches(INSTANT_SHAPE, instantMessage('processedFrom'))
  @IsISO8601(INSTANT, realInstantMessage('processedFrom'))
  processedFrom?: string;

  @ApiPropertyOptional({ description: 'Processed before this instant (exclusive).', format: 'date-time' })
  @IsOptional()
  @Matches(INSTANT_SHAPE, instantMessage('processedTo'))
  @IsISO8601(INSTANT, realInstantMessage('processedTo'))
  processedTo?: string;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page, with the same filters.' })
  @IsOptional()
  @IsString({ message: 'cursor must be text' })
  @MaxLength(MAX_CURSOR_LENGTH, { message: `cursor must be at most ${MAX_CURSOR_LENGTH} characters` })
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_ORDERS_PAGE })
  @IsOptional()
  @IntegerQuery()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_ORDERS_PAGE, { message: `limit must be at most ${MAX_ORDERS_PAGE}` })
  limit: number = 50;
}

/** The query's filters in the domain's terms. */
export function filtersOf(query: OrdersQuery): OrderFilters {
  const filters: OrderFilters = {};
  if (query.runId) filters.runId = query.runId.toLowerCase();
  if (query.tier) filters.tier = query.tier;
  if (query.priority) filters.priority = query.priority;
  if (query.status) filters.status = query.status;
  if (query.cliente !== undefined) filters.clientePrefix = query.cliente;
  const created = rangeOf(query.createdFrom, query.createdTo);
  if (created) filters.createdAt = created;
  const processed = rangeOf(query.processedFrom, query.processedTo);
  if (processed) filters.processedAt = processed;
  return filters;
}

function rangeOf(from: string | undefined, to: string | undefined): TimeRange | undefined {
  if (from === undefined && to === undefined) return undefined;
  return { ...(from !== undefined ? { from: new Date(from) } : {}), ...(to !== undefined ? { to: new Date(to) } : {}) };
}
