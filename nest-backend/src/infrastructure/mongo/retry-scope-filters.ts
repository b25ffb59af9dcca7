import type { Filter } from 'mongodb';
import { DeadLetter } from '../../domain/dead-letter';
import { Order } from '../../domain/order';
import { RetryScope } from '../../domain/retry-scope';

/**
 * The failed orders of a run in a retry's scope. Every scope but a selection is an equality filter on a
 * prefix of the orders' one index `{runId, priority, status, job}` (FerretDB 1.24 hands only equalities to
 * PostgreSQL); a selection adds an `$in` of at most MAX_RETRY_SELECTION ids to `{runId, status}`.
 */
export function failedOrdersIn(runId: string, scope: RetryScope): Filter<Order> {
  switch (scope.kind) {
    case 'run':
      return { runId, status: 'falhou' };
    case 'lane':
      return { runId, priority: scope.priority, status: 'falhou' };
    case 'slice': {
      const { slice } = scope;
      const job: Filter<Order> = { runId, priority: slice.priority, status: 'falhou', job: slice.job };
      return slice.to - slice.from === 1 ? { ...job, seq: slice.from } : job;
    }
    case 'orders':
      return { runId, status: 'falhou', id: { $in: [...scope.orderIds] } };
  }
}

/**
 * The open dead letters of a run in a retry's scope (`dead_letters` is indexed by `{runId, retriedAt}`). A slice is
 * a whole job or one order of it, so its seq range holds exactly the orders with its job key.
 */
export function openDeadLettersIn(runId: string, scope: RetryScope): Filter<DeadLetter> {
  const open: Filter<DeadLetter> = { runId, retriedAt: null };
  switch (scope.kind) {
    case 'run':
      return open;
    case 'lane':
      return { ...open, priority: scope.priority };
    case 'slice': {
      const { slice } = scope;
      return { ...open, priority: slice.priority, seq: slice.to - slice.from === 1 ? slice.from : { $gte: slice.from, $lt: slice.to } };
    }
    case 'orders':
      return { ...open, orderId: { $in: [...scope.orderIds] } };
  }
}
