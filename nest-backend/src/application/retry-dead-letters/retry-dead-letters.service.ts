import { Injectable } from '@nestjs/common';
import { NothingToProcessError } from '../../domain/errors';
import { DeadLetterPage, DeadLetterStore } from '../../domain/ports/dead-letter-store.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { DeadLettersNotFoundError } from '../../domain/retry-errors';
import { OrdersRetried, RetryFailedOrders } from '../retry-failed-orders/retry-failed-orders.service';
import { assertRetriable } from '../retry-failed-orders/retriable-run';
import { missingFromSelection } from './dead-letter-selection';

export type DeadLettersRetried = OrdersRetried;

/**
 * `GET /pedidos/dead-letters` and `POST /pedidos/dead-letters/retry`: every failed order of the latest run, or a
 * selection of its dead letters, goes back to pending in the reopened run (see RetryFailedOrders).
 */
@Injectable()
export class RetryDeadLettersService {
  constructor(
    private readonly runs: RunStore,
    private readonly deadLetters: DeadLetterStore,
    private readonly retryOrders: RetryFailedOrders,
  ) {}

  list(page: number, limit: number, runId?: string): Promise<DeadLetterPage> {
    return this.deadLetters.listOpen(page, limit, runId);
  }

  /** All of the latest run's failed orders, or only those of `orderIds` (each must have an open dead letter in that run). */
  async retry(orderIds?: readonly string[]): Promise<DeadLettersRetried> {
    if (!orderIds) return this.retryAll();
    const latest = await this.runs.findLatest();
    assertRetriable(latest);
    const missing = missingFromSelection(orderIds, await this.deadLetters.findOpen(latest.runId, orderIds));
    // All or nothing: a selection that names a letter already retried (or of another run) is refused whole.
    if (missing.length > 0) throw new DeadLettersNotFoundError(missing);
    return this.retryOrders.retry({ kind: 'orders', orderIds }, latest.runId);
  }

  private async retryAll(): Promise<DeadLettersRetried> {
    const retried = await this.retryOrders.retry({ kind: 'run' });
    if (retried.requeued === 0) throw new NothingToProcessError(`the latest run ${retried.runId} has no failed orders`);
    return retried;
  }
}
