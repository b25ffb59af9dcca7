import { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import { makeOrders } from '../src/application/generate-orders/order-factory';
import { singleOrderSlice, sliceRange } from '../src/domain/order-slices';
import { OrderStore } from '../src/domain/ports/order-store.port';
import { RunCounters } from '../src/domain/ports/run-counters.port';
import { LatestRunCopy } from '../src/domain/ports/latest-run-copy.port';
import { RunStore } from '../src/domain/ports/run-store.port';
import { DriverLease, RunSlot } from '../src/domain/ports/run-slot.port';
import { WorkQueue } from '../src/domain/ports/work-queue.port';
import { newRun } from '../src/domain/run';
import { Environment } from '../src/infrastructure/config/environment';
import { InfrastructureModule } from '../src/infrastructure/infrastructure.module';
import { RedisKeys } from '../src/infrastructure/redis/redis-keys';
import { RedisLatestRun } from '../src/infrastructure/redis/redis-latest-run';
import { dropTestData, testEnvironment } from './support/test-environment';

/** The adapters against the real MongoDB-compatible server and Redis. */
describe('MongoDB and Redis adapters', () => {
  let env: Environment;
  let context: INestApplicationContext;
  let orders: OrderStore;
  let runs: RunStore;
  let latestRun: LatestRunCopy;
  let queue: WorkQueue;
  let slot: RunSlot;
  let lease: DriverLease;
  let counters: RunCounters;

  beforeAll(async () => {
    env = testEnvironment('stores');
    const moduleRef = await Test.createTestingModule({ imports: [InfrastructureModule.forRoot(env, 'api')] }).compile();
    context = await moduleRef.init();
    orders = context.get(OrderStore);
    runs = context.get(RunStore);
    latestRun = context.get(LatestRunCopy);
    queue = context.get(WorkQueue);
    slot = context.get(RunSlot);
    lease = context.get(DriverLease);
    counters = context.get(RunCounters);
  });

  afterAll(async () => {
    await context?.close();
    if (env) await dropTestData(env);
  });

  describe('orders', () => {
    const runId = 'run-orders';
    const cursor = { vip: 0, normal: 0 };

    beforeAll(async () => {
      await orders.insertMany(makeOrders({ runId, ordersPerJob: 50, cursor }, 600, new Date()));
    });

    it('marks a slice processed once: a second pass changes and counts nothing', async () => {
      const [slice] = sliceRange(runId, 'VIP', 0, 50, 50);
      expect(await orders.markProcessed(slice, new Date())).toBe(Math.min(50, cursor.vip));
      expect(await orders.markProcessed(slice, new Date())).toBe(0);
      const tally = await orders.tally(runId);
      expect(tally.vipProcessed).toBe(Math.min(50, cursor.vip));
      expect(tally.vipPending).toBe(cursor.vip - tally.vipProcessed);
      expect(tally.normalPending).toBe(cursor.normal);
    });

    it('marks failed only what is still pending, and counts it apart', async () => {
      const [slice] = sliceRange(runId, 'NORMAL', 0, 50, 50);
      expect(await orders.markFailed(slice, 'boom', new Date())).toBe(50);
      expect(await orders.markProcessed(slice, new Date())).toBe(0);
      expect((await orders.tally(runId)).failed).toBe(50);
    });

    it('marks one order of a job alone, by its seq, and leaves its neighbours pending', async () => {
      const [job] = sliceRange(runId, 'VIP', 50, 100, 50);
      expect(await orders.markProcessed(singleOrderSlice(job, 75), new Date())).toBe(1);
      const pending = (await orders.pendingIn(job)).map((order) => order.seq);
      expect(pending).toHaveLength(49);
      expect(pending).not.toContain(75);
      expect(await orders.markProcessed(singleOrderSlice(job, 75), new Date())).toBe(0);
    });

    it('lists the jobs of pending orders once each, in order, and counts pending orders per priority', async () => {
      const lastJob = Math.floor((cursor.vip - 1) / 50);
      expect(await orders.pendingJobs(runId, 'VIP', 1_000)).toEqual(Array.from({ length: lastJob }, (_, i) => i + 1));
      expect(await orders.pendingJobs(runId, 'VIP', 5)).toEqual([1]);
      expect(await orders.countPending(runId, 'NORMAL')).toBe(cursor.normal - 50);
    });

    it('drops orders past the recorded marks (a chunk stored but never recorded)', async () => {
      const dropped = await orders.deleteUnrecorded(runId, cursor.vip - 3, cursor.normal - 2);
      expect(dropped).toBe(5);
      expect(await orders.countPending(runId, 'VIP')).toBe(cursor.vip - 3 - 51);
    });

    it('deletes the pending orders of a run and nothing else', async () => {
      const before = await orders.tally(runId);
      const deleted = await orders.deletePending(runId);
      expect(deleted).toBe(before.vipPending + before.normalPending);
      const after = await orders.tally(runId);
      expect(after).toMatchObject({ vipPending: 0, normalPending: 0, vipProcessed: before.vipProcessed, failed: before.failed });
    });
  });

  describe('runs', () => {
    it('moves a run only from the phase it is in', async () => {
      await runs.create(newRun('run-a', 10, true, new Date(), 1000));
      expect(await runs.transition('run-a', 'GENERATING', 'ENQUEUE_VIP', { generated: 10 })).toBe(true);
      expect(await runs.transition('run-a', 'GENERATING', 'ABORTED')).toBe(false);
      expect(await runs.findById('run-a')).toMatchObject({ phase: 'ENQUEUE_VIP', generated: 10 });
    });

    it('finds the latest run, active runs and pages of history', async () => {
      await runs.create(newRun('run-b', 20, true, new Date(Date.now() + 1000), 1000));
      expect((await runs.findLatest())?.runId).toBe('run-b');
      expect((await runs.findActive()).map((run) => run.runId)).toEqual(['run-a', 'run-b']);
      const page = await runs.list(2, 1);
      expect(page).toMatchObject({ total: 2, items: [{ runId: 'run-a' }] });
    });

    describe('status mirror', () => {
      const runsCollection = () => context.get(getConnectionToken()).collection('process_runs');
      const mirrorKey = () => context.get(RedisKeys).latestRun;

      it('copies every write of the latest run, and serves the copy without reading the database', async () => {
        await runs.update('run-b', { generated: 7 });
        expect(await latestRun.read()).toEqual(await runs.findLatest());
        await runs.transition('run-b', 'GENERATING', 'ENQUEUE_VIP', { generationEndedAt: new Date() });
        const mirrored = await latestRun.read();
        expect(mirrored).toEqual(await runs.findLatest());
        expect(mirrored).toMatchObject({ runId: 'run-b', phase: 'ENQUEUE_VIP', generated: 7 });

        await runsCollection().updateOne({ _id: 'run-b' } as object, { $set: { generated: 8 } });
        expect((await latestRun.read())?.generated).toBe(7);
      });

      it('puts right, within seconds, a copy that missed a write, and reads the database when the copy is gone', async () => {
        // A write whose copy was lost (the writer died between the two): the database is one revision ahead.
        await runsCollection().updateOne({ _id: 'run-b' } as object, { $set: { generated: 8 }, $inc: { revision: 1 } });
        expect(await pollUntil(async () => (await latestRun.read())?.generated, (generated) => generated === 8, 8_000)).toBe(8);

        await runsCollection().updateOne({ _id: 'run-b' } as object, { $set: { generated: 9 } });
        await context.get(Redis).del(mirrorKey());
        expect((await latestRun.read())?.generated).toBe(9);
      });

      it('never replaces the copy with an older revision of the run or with an older run', async () => {
        const mirror = new RedisLatestRun(context.get(Redis), context.get(RedisKeys));
        const latest = (await runs.findLatest())!;
        await mirror.write({ ...latest, generated: 100 }, 1_000);
        await mirror.write({ ...latest, generated: 1 }, 999);
        await mirror.write({ ...(await runs.findById('run-a'))!, generated: 2 }, 5_000);
        expect(await mirror.read()).toMatchObject({ run: { runId: 'run-b', generated: 100 } });
        await context.get(Redis).del(mirrorKey());
      });

      it('is cleared with the runs', async () => {
        expect(await runs.deleteAll()).toBe(2);
        expect(await context.get(Redis).exists(mirrorKey())).toBe(0);
        expect(await latestRun.read()).toBeNull();
      });
    });
  });

  describe('redis', () => {
    it('gives the run slot to exactly one of many simultaneous claims', async () => {
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => slot.claim(`run-${i}`)));
      const winners = claims.filter((holder) => holder === null);
      expect(winners).toHaveLength(1);
      const holder = await slot.holder();
      expect(claims.filter((c) => c !== null).every((c) => c === holder)).toBe(true);
      await slot.release('someone-else');
      expect(await slot.holder()).toBe(holder);
      await slot.release(holder!);
      expect(await slot.holder()).toBeNull();
    });

    it('keeps a driver lease for its owner until it lapses', async () => {
      expect(await lease.acquire('run-lease', 300)).toBe(true);
      expect(await lease.acquire('run-lease', 300)).toBe(false);
      expect(await lease.renew('run-lease', 300)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(await lease.acquire('run-lease', 300)).toBe(true);
      await lease.release('run-lease');
    });

    it('widens processing windows and sums counts across slices', async () => {
      await counters.recordProcessed('run-c', 'VIP', 100, 2_000, 2_500);
      await counters.recordProcessed('run-c', 'VIP', 50, 1_500, 3_000);
      await counters.recordFailed('run-c', 3);
      expect(await counters.read('run-c')).toEqual({
        vipProcessed: 150, normalProcessed: 0, failed: 3, vipStart: 1_500, vipEnd: 3_000, normalStart: null, normalEnd: null,
      });
      await counters.deleteAll();
      expect(await counters.read('run-c')).toBeNull();
    });
  });

  describe('queue', () => {
    afterEach(() => queue.removeAll());

    it('queues a slice once however often it is queued while it waits', async () => {
      const slices = sliceRange('run-q', 'VIP', 0, 5000, 1000);
      await queue.enqueue(slices);
      await queue.enqueue(slices);
      expect((await queue.counts('VIP')).pending).toBe(5);
      expect(await queue.unfinished('NORMAL')).toBe(0);
    });

    it('discards waiting, paused and delayed jobs, leaving the queue unpaused', async () => {
      await queue.enqueue(sliceRange('run-q', 'NORMAL', 0, 3000, 1000));
      await queue.pause();
      await queue.enqueue(sliceRange('run-q', 'VIP', 0, 2000, 1000));
      expect(await queue.isPaused()).toBe(true);
      expect(await queue.unfinished('VIP')).toBe(2);
      await queue.discardQueued();
      expect(await queue.unfinished('VIP')).toBe(0);
      expect(await queue.unfinished('NORMAL')).toBe(0);
      await queue.resume();
      expect(await queue.isPaused()).toBe(false);
    });

    it('pages through jobs across both lanes', async () => {
      await queue.enqueue([...sliceRange('run-q', 'VIP', 0, 3000, 1000), ...sliceRange('run-q', 'NORMAL', 0, 2000, 1000)]);
      const first = await queue.jobs(['pending'], 0, 3);
      expect(first.total).toBe(5);
      expect(first.jobs.map((job) => job.queue)).toEqual(['vip', 'vip', 'vip', 'normal']);
      const rest = await queue.jobs(['pending'], 4, 10);
      expect(rest.jobs).toHaveLength(1);
      expect(rest.jobs[0]).toMatchObject({ queue: 'normal', priority: 'NORMAL', size: 1000, state: 'pending' });
    });
  });
});

/** Reads until the value is accepted or the time is up, and returns the last value read. */
async function pollUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
