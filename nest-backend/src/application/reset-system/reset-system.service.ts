import { Injectable } from '@nestjs/common';
import { RunAlreadyActiveError } from '../../domain/errors';
import { DeadLetterStore } from '../../domain/ports/dead-letter-store.port';
import { OrderStore } from '../../domain/ports/order-store.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { RunSeriesStore } from '../../domain/ports/run-series-store.port';
import { LogBook } from '../../domain/ports/run-events.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { RunSlot } from '../../domain/ports/run-slot.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { RunLog } from '../run-log/run-log.service';

export interface SystemReset {
  deletedOrders: number;
  deletedRuns: number;
}

/** `POST /pedidos/reset`: empties orders, runs (and their series), dead letters, queue, counters and logs; refused while a run is active. */
@Injectable()
export class ResetSystemService {
  constructor(
    private readonly runs: RunStore,
    private readonly orders: OrderStore,
    private readonly queue: WorkQueue,
    private readonly counters: RunCounters,
    private readonly slot: RunSlot,
    private readonly logs: LogBook,
    private readonly deadLetters: DeadLetterStore,
    private readonly log: RunLog,
    private readonly series: RunSeriesStore,
  ) {}

  async reset(): Promise<SystemReset> {
    const [active] = await this.runs.findActive();
    if (active) throw new RunAlreadyActiveError(active.runId, active.phase);
    const holder = await this.slot.holder();
    if (holder) throw new RunAlreadyActiveError(holder);

    await this.queue.removeAll();
    const deletedOrders = await this.orders.deleteAll();
    const deletedRuns = await this.runs.deleteAll();
    await this.deadLetters.deleteAll();
    await this.series.deleteAll();
    await this.counters.deleteAll();
    await this.slot.clear();
    await this.logs.clear();
    this.log.warn(`system reset: ${deletedOrders} orders and ${deletedRuns} runs deleted, queue emptied`);
    return { deletedOrders, deletedRuns };
  }
}
