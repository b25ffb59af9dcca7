import { OrderFilters, TimeRange } from '../../domain/order-search';
import { InvalidOrderFilterError } from '../../domain/order-search-errors';
import { priorityOfTier } from '../../domain/order';

/** Refuses filters that can match nothing by construction, naming the contradiction instead of answering an empty page. */
export function checkFilters(filters: OrderFilters): void {
  if (filters.tier && filters.priority && priorityOfTier(filters.tier) !== filters.priority) {
    throw new InvalidOrderFilterError(`tier ${filters.tier} is always priority ${priorityOfTier(filters.tier)}, never ${filters.priority}`);
  }
  checkRange('createdFrom', 'createdTo', filters.createdAt);
  checkRange('processedFrom', 'processedTo', filters.processedAt);
  if (filters.processedAt && filters.status && filters.status === 'pendente') {
    throw new InvalidOrderFilterError('a pending order has no processedAt: drop status=pendente or the processedAt range');
  }
}

function checkRange(fromName: string, toName: string, range: TimeRange | undefined): void {
  if (range?.from && range.to && range.from.getTime() >= range.to.getTime()) {
    throw new InvalidOrderFilterError(`${fromName} must be before ${toName} (${toName} is exclusive)`);
  }
}
