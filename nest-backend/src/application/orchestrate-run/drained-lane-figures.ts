import { Injectable } from '@nestjs/common';
import { Priority } from '../../domain/order';
import { OrderStore } from '../../domain/ports/order-store.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { LiveCounters, ProcessRun, recountedWindows } from '../../domain/run';
import { countersAreExact } from './drain-signals';

/**
 * The run's figures once a lane drained. The live counters may miss a slice a crash interrupted;
 * unless they account for every order that can be settled by now, the orders are recounted and the
 * counters corrected.
 */
@Injectable()
export class DrainedLaneFigures {
  constructor(
    private readonly orders: OrderStore,
    private readonly counters: RunCounters,
  ) {}

  async reconcile(run: ProcessRun, priority: Priority, live: LiveCounters | null): Promise<Partial<ProcessRun>> {
    if (live && countersAreExact(run, priority, live)) {
      return { failed: live.failed, processing: recountedWindows(run, live, live) };
    }
    const tally = await this.orders.tally(run.runId);
    await this.counters.overwriteCounts(run.runId, {
      vipProcessed: tally.vipProcessed,
      normalProcessed: tally.normalProcessed,
      failed: tally.failed,
    });
    return { failed: tally.failed, processing: recountedWindows(run, tally, await this.counters.read(run.runId)) };
  }
}
