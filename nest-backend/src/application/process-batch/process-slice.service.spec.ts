import { Priority } from '../../domain/order';
import { OrderSlice } from '../../domain/order-slices';
import { OrderStore, OrderTally } from '../../domain/ports/order-store.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { DeadLetter } from '../../domain/dead-letter';
import { DeadLetterStore } from '../../domain/ports/dead-letter-store.port';
import { PipelineMetrics } from '../../domain/ports/pipeline-metrics.port';
import { RunSlot } from '../../domain/ports/run-slot.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { LiveCounters } from '../../domain/run';
import { PipelineSettings } from '../pipeline-settings';
import { RunLog } from '../run-log/run-log.service';
import { ProcessSliceService } from './process-slice.service';

type Status = 'pendente' | 'processado' | 'falhou';

/** Orders of one run, by priority and seq; only the methods the service uses do anything. */
class InMemoryOrderStore extends OrderStore {
  readonly status = new Map<string, Status>();
  failMarkFailed: Error | null = null;

  add(runId: string, priority: Priority, from: number, to: number, status: Status = 'pendente'): void {
    for (let seq = from; seq < to; seq++) this.status.set(`${runId}:${priority}:${seq}`, status);
  }

  statusOf(runId: string, priority: Priority, seq: number): Status | undefined {
    return this.status.get(`${runId}:${priority}:${seq}`);
  }

  private markPending(slice: OrderSlice, to: Status): number {
    let changed = 0;
    for (let seq = slice.from; seq < slice.to; seq++) {
      const key = `${slice.runId}:${slice.priority}:${seq}`;
      if (this.status.get(key) !== 'pendente') continue;
      this.status.set(key, to);
      changed++;
    }
    return changed;
  }

  async markProcessed(slice: OrderSlice): Promise<number> {
    return this.markPending(slice, 'processado');
  }

  async markFailed(slice: OrderSlice): Promise<number> {
    if (this.failMarkFailed) throw this.failMarkFailed;
    return this.markPending(slice, 'falhou');
  }

  async pendingIn(slice: OrderSlice): Promise<{ id: string; seq: number }[]> {
    const found: { id: string; seq: number }[] = [];
    for (let seq = slice.from; seq < slice.to; seq++) {
      if (this.status.get(`${slice.runId}:${slice.priority}:${seq}`) === 'pendente') found.push({ id: `order-${seq}`, seq });
    }
    return found;
  }

  resetFailed(): Promise<number> {
    throw new Error('not used');
  }
  countFailed(): Promise<number> {
    throw new Error('not used');
  }
  insertMany(): Promise<void> {
    throw new Error('not used');
  }
  deleteUnrecorded(): Promise<number> {
    throw new Error('not used');
  }
  tally(): Promise<OrderTally> {
    throw new Error('not used');
  }
  countPending(): Promise<number> {
    throw new Error('not used');
  }
  pendingJobs(): Promise<number[]> {
    throw new Error('not used');
  }
  deletePending(): Promise<number> {
    throw new Error('not used');
  }
  deleteAll(): Promise<number> {
    throw new Error('not used');
  }
}

class RecordingRunCounters extends RunCounters {
  readonly processed: Array<{ runId: string; priority: Priority; processed: number; startedAt: number; finishedAt: number }> = [];
  readonly failed: Array<{ runId: string; failed: number }> = [];
  failRecordFailed: Error | null = null;

  async recordProcessed(runId: string, priority: Priority, processed: number, startedAt: number, finishedAt: number): Promise<void> {
    this.processed.push({ runId, priority, processed, startedAt, finishedAt });
  }
  async recordFailed(runId: string, failed: number): Promise<void> {
    if (this.failRecordFailed) throw this.failRecordFailed;
    this.failed.push({ runId, failed });
  }
  read(): Promise<LiveCounters | null> {
    throw new Error('not used');
  }
  overwriteCounts(): Promise<void> {
    throw new Error('not used');
  }
  delete(): Promise<void> {
    throw new Error('not used');
  }
  deleteAll(): Promise<void> {
    throw new Error('not used');
  }
}

class FixedRunSlot extends RunSlot {
  constructor(public holderId: string | null) {
    super();
  }
  async claim(): Promise<string | null> {
    throw new Error('not used');
  }
  async holder(): Promise<string | null> {
    return this.holderId;
  }
  async release(): Promise<void> {
    throw new Error('not used');
  }
  async clear(): Promise<void> {
    throw new Error('not used');
  }
}

class RecordingQueue {
  readonly enqueued: OrderSlice[] = [];
  readonly tags: Array<string | undefined> = [];
  async enqueue(slices: OrderSlice[], requeueTag?: string): Promise<void> {
    this.enqueued.push(...slices);
    this.tags.push(requeueTag);
  }
}

class RecordingDeadLetters {
  readonly letters: DeadLetter[] = [];
  async record(letters: DeadLetter[]): Promise<void> {
    this.letters.push(...letters);
  }
}

class RecordingMetrics {
  readonly processed: Array<[Priority, number]> = [];
  readonly deadLettered: Array<[Priority, number]> = [];
  ordersProcessed(priority: Priority, count: number): void {
    this.processed.push([priority, count]);
  }
  ordersDeadLettered(priority: Priority, count: number): void {
    this.deadLettered.push([priority, count]);
  }
}

const settings = (failEverySeqMultipleOf = 0) => new PipelineSettings({
    maxOrders: 1_000_000,
    generationChunkSize: 10_000,
    ordersPerJob: 1000,
    queueConcurrency: 25,
    logProgressEveryMs: 1000,
    backendLogs: false,
    maxAttempts: 5,
    processName: 'test',
    runWorkers: true,
    orchestrate: false,
    failEverySeqMultipleOf,
  });
const slice = (from: number, to: number, priority: Priority = 'VIP', runId = 'run-1'): OrderSlice => ({ runId, priority, job: 0, from, to });

function setUp(options: { holder?: string | null; failEvery?: number } = {}) {
  const orders = new InMemoryOrderStore();
  const counters = new RecordingRunCounters();
  const slot = new FixedRunSlot(options.holder === undefined ? 'run-1' : options.holder);
  const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  const queue = new RecordingQueue();
  const deadLetters = new RecordingDeadLetters();
  const metrics = new RecordingMetrics();
  const service = new ProcessSliceService(
    orders,
    counters,
    slot,
    settings(options.failEvery),
    log as unknown as RunLog,
    queue as unknown as WorkQueue,
    deadLetters as unknown as DeadLetterStore,
    metrics as unknown as PipelineMetrics,
  );
  return { orders, counters, slot, log, queue, deadLetters, metrics, service };
}

describe('ProcessSliceService.process', () => {
  it('processes the pending orders of its slice and counts them once', async () => {
    const { orders, counters, service } = setUp();
    orders.add('run-1', 'VIP', 0, 20);
    const before = Date.now();
    await expect(service.process(slice(0, 10))).resolves.toBe('processed');
    expect(orders.statusOf('run-1', 'VIP', 9)).toBe('processado');
    expect(orders.statusOf('run-1', 'VIP', 10)).toBe('pendente');
    expect(counters.processed).toHaveLength(1);
    const [record] = counters.processed;
    expect(record).toMatchObject({ runId: 'run-1', priority: 'VIP', processed: 10 });
    expect(record.startedAt).toBeGreaterThanOrEqual(before);
    expect(record.finishedAt).toBeGreaterThanOrEqual(record.startedAt);
  });

  it('counts only the orders it actually changed', async () => {
    const { orders, counters, service } = setUp();
    orders.add('run-1', 'NORMAL', 0, 4, 'processado');
    orders.add('run-1', 'NORMAL', 4, 10);
    await service.process(slice(0, 10, 'NORMAL'));
    expect(counters.processed.map((record) => record.processed)).toEqual([6]);
  });

  it('reports the orders it changed to the metrics once per slice, and nothing for a slice that changed none', async () => {
    const { orders, metrics, service } = setUp();
    orders.add('run-1', 'NORMAL', 0, 10);
    await service.process(slice(0, 6, 'NORMAL'));
    await service.process(slice(0, 10, 'NORMAL'));
    await service.process(slice(0, 10, 'NORMAL'));
    expect(metrics.processed).toEqual([
      ['NORMAL', 6],
      ['NORMAL', 4],
    ]);
  });

  it('records nothing when a retried slice finds its orders already done', async () => {
    const { orders, counters, service } = setUp();
    orders.add('run-1', 'VIP', 0, 10);
    await service.process(slice(0, 10));
    await expect(service.process(slice(0, 10))).resolves.toBe('processed');
    expect(counters.processed).toHaveLength(1);
    expect(counters.processed[0].processed).toBe(10);
  });

  it.each([
    ['another run holds the slot', 'run-2'],
    ['no run holds the slot', null],
  ])('skips the slice without writing when %s', async (_case, holder) => {
    const { orders, counters, service } = setUp({ holder });
    orders.add('run-1', 'VIP', 0, 10);
    await expect(service.process(slice(0, 10))).resolves.toBe('skipped');
    expect(orders.statusOf('run-1', 'VIP', 0)).toBe('pendente');
    expect(counters.processed).toEqual([]);
  });

  describe('with injected failures (FAIL_EVERY_SEQ_MULTIPLE_OF=100)', () => {
    it.each([
      [100, 101],
      [100, 200],
      [150, 201],
      [199, 201],
      [0, 10],
    ])('fails a slice [%i, %i) that holds a multiple, leaving its orders pending', async (from, to) => {
      const { orders, counters, service } = setUp({ failEvery: 100 });
      orders.add('run-1', 'VIP', 0, 300);
      await expect(service.process(slice(from, to))).rejects.toThrow(/injected failure/);
      expect(orders.statusOf('run-1', 'VIP', from)).toBe('pendente');
      expect(counters.processed).toEqual([]);
    });

    it.each([
      [1, 100],
      [101, 200],
      [150, 200],
      [201, 202],
    ])('processes a slice [%i, %i) without a multiple', async (from, to) => {
      const { orders, counters, service } = setUp({ failEvery: 100 });
      orders.add('run-1', 'VIP', 0, 300);
      await expect(service.process(slice(from, to))).resolves.toBe('processed');
      expect(counters.processed[0].processed).toBe(to - from);
    });

    it('does not fail a slice of a run that no longer holds the slot', async () => {
      const { service } = setUp({ failEvery: 100, holder: 'run-2' });
      await expect(service.process(slice(100, 200))).resolves.toBe('skipped');
    });

    it('never fails when injection is off', async () => {
      const { orders, service } = setUp({ failEvery: 0 });
      orders.add('run-1', 'VIP', 0, 1000);
      await expect(service.process(slice(0, 1000))).resolves.toBe('processed');
    });
  });
});

describe('ProcessSliceService.giveUp', () => {
  it('splits a failed slice of several orders into one job per still-pending order, failing none yet', async () => {
    const { orders, counters, queue, deadLetters, service } = setUp();
    orders.add('run-1', 'NORMAL', 0, 3, 'processado');
    orders.add('run-1', 'NORMAL', 3, 6);
    await expect(service.giveUp(slice(0, 6, 'NORMAL'), 'boom')).resolves.toBeUndefined();
    expect(queue.enqueued).toEqual([slice(3, 4, 'NORMAL'), slice(4, 5, 'NORMAL'), slice(5, 6, 'NORMAL')]);
    // Tagged per failure, so a single-order slice that failed before (under its plain job id, or split off by an
    // earlier failure and kept among the failed jobs) is queued anew.
    expect(queue.tags).toEqual([expect.stringMatching(/^alone-\d+$/)]);
    expect(orders.statusOf('run-1', 'NORMAL', 3)).toBe('pendente');
    expect(counters.failed).toEqual([]);
    expect(deadLetters.letters).toEqual([]);
  });

  it('marks a single order that failed every attempt failed, counts it and keeps it as a dead letter with the reason', async () => {
    const { orders, counters, log, deadLetters, metrics, service } = setUp();
    orders.add('run-1', 'VIP', 0, 10);
    await service.giveUp(slice(7, 8), 'boom');
    expect(orders.statusOf('run-1', 'VIP', 7)).toBe('falhou');
    expect(orders.statusOf('run-1', 'VIP', 8)).toBe('pendente');
    expect(counters.failed).toEqual([{ runId: 'run-1', failed: 1 }]);
    expect(metrics.deadLettered).toEqual([['VIP', 1]]);
    expect(deadLetters.letters).toEqual([
      expect.objectContaining({ runId: 'run-1', orderId: 'order-7', priority: 'VIP', seq: 7, reason: 'boom', attempts: 5, retriedAt: null }),
    ]);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('boom'));
  });

  it('does nothing for a slice whose orders are already done, or whose run was cancelled', async () => {
    const done = setUp();
    done.orders.add('run-1', 'VIP', 0, 10, 'processado');
    await done.service.giveUp(slice(0, 10), 'late');
    expect(done.counters.failed).toEqual([]);
    expect(done.queue.enqueued).toEqual([]);

    const cancelled = setUp({ holder: null });
    cancelled.orders.add('run-1', 'VIP', 0, 10);
    await cancelled.service.giveUp(slice(3, 4), 'late');
    expect(cancelled.orders.statusOf('run-1', 'VIP', 3)).toBe('pendente');
    expect(cancelled.deadLetters.letters).toEqual([]);
  });

  it('never throws when the failure cannot be stored, and logs it', async () => {
    const { orders, counters, log, service } = setUp();
    orders.add('run-1', 'VIP', 0, 10);
    orders.failMarkFailed = new Error('database down');
    await expect(service.giveUp(slice(0, 1), 'boom')).resolves.toBeUndefined();
    expect(counters.failed).toEqual([]);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('database down'));
  });

  it('never throws when the failure cannot be counted', async () => {
    const { orders, counters, log, service } = setUp();
    orders.add('run-1', 'VIP', 0, 10);
    counters.failRecordFailed = new Error('redis down');
    await expect(service.giveUp(slice(0, 1), 'boom')).resolves.toBeUndefined();
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('redis down'));
  });
});
