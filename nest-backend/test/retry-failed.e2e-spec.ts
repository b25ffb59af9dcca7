import { poisonedOrderSettings } from './support/poisoned-orders';
import { useInProcessApi, waitForPhase } from './support/in-process-suite';
import { expectCommonErrorShape, rawRequest } from './support/raw-request';
import { ordersOfRun } from './support/order-checks';
import { waitUntil } from './support/running-api';

const RUN_SIZE = 2_000;
const POISON_EVERY = 250;

interface Job {
  id: string;
  queue: 'vip' | 'normal';
  runId: string;
  from: number;
  to: number;
  size: number;
  state: string;
}

/**
 * Retrying what failed, from the failed jobs of a lane and from the dead letters: orders fail for real (every
 * seq multiple of POISON_EVERY, injected in the worker), then the cause goes away and they are retried.
 */
describe('retrying failed jobs and dead letters', () => {
  const suite = useInProcessApi('retry', poisonedOrderSettings(POISON_EVERY));
  const finished = () => waitForPhase(suite.http, ['DONE', 'ERROR', 'ABORTED']);
  const post = (path: string, body?: unknown) =>
    rawRequest(suite.url, 'POST', path, body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const failedJobs = async (lane: 'vip' | 'normal'): Promise<Job[]> =>
    ((await suite.http.get('/pedidos/queue/jobs?types=failed&start=0&end=499')).body.jobs as Job[]).filter((job) => job.queue === lane);
  const orders = () => suite.db.collection<{ id: string; seq: number; priority: string; status: string; attempts: number; processedAt: Date | null }>('orders');
  const letters = () => suite.db.collection<{ orderId: string; runId: string; priority: string; seq: number; retriedAt: Date | null }>('dead_letters');
  const openLetters = async () => (await suite.http.get(`/pedidos/dead-letters?runId=${runId}&limit=100`)).body;
  const failedOrder = async (priority: 'VIP' | 'NORMAL', seq: number) => (await orders().findOne({ runId, priority, seq }))!;

  let runId: string;
  let poisoned: { VIP: number[]; NORMAL: number[] };
  const expectedFailed = () => poisoned.VIP.length + poisoned.NORMAL.length;

  it('a run whose poisoned orders fail every attempt ends DONE with failed jobs in both lanes and one dead letter per order', async () => {
    runId = (await suite.http.post(`/pedidos/generate?quantity=${RUN_SIZE}`)).body.runId;
    const done = await finished();
    expect(done.phase).toBe('DONE');
    const multiples = (total: number) => Array.from({ length: Math.ceil(total / POISON_EVERY) }, (_, n) => n * POISON_EVERY);
    poisoned = { VIP: multiples(done.progress.vipTarget), NORMAL: multiples(done.progress.normalTarget) };
    expect(done.counts.failed).toBe(expectedFailed());
    expect(await ordersOfRun(suite.db, runId)).toMatchObject({ failed: expectedFailed(), pending: 0 });
    // A poisoned order leaves its own failed job, and the failed job of its whole slice (split after its last attempt).
    for (const [lane, priority] of [['vip', 'VIP'], ['normal', 'NORMAL']] as const) {
      const jobs = await failedJobs(lane);
      expect(jobs.filter((job) => job.size === 1).map((job) => job.from).sort((a, b) => a - b)).toEqual(poisoned[priority]);
      for (const job of jobs) expect(poisoned[priority].some((seq) => job.from <= seq && seq < job.to)).toBe(true);
    }
    expect((await openLetters()).total).toBe(expectedFailed());
  });

  it('a dead letter retried while its cause remains fails again and comes back once, not twice', async () => {
    const seq = poisoned.VIP[0];
    const order = await failedOrder('VIP', seq);
    const retried = await post('/pedidos/dead-letters/retry', { orderIds: [order.id] });
    expect({ status: retried.status, body: retried.body }).toEqual({ status: 202, body: { runId, requeued: 1 } });
    const again = await finished();
    expect(again.phase).toBe('DONE');
    expect(again.counts.failed).toBe(expectedFailed());
    expect(await orders().findOne({ id: order.id })).toMatchObject({ status: 'falhou', attempts: 0 });
    const ofOrder = await letters().find({ orderId: order.id }).toArray();
    expect(ofOrder.map((letter) => letter.retriedAt === null).sort()).toEqual([false, true]);
    expect((await openLetters()).total).toBe(expectedFailed());

    // The cause goes away: a new process without the fault.
    await suite.restart({ FAIL_EVERY_SEQ_MULTIPLE_OF: '0' });
  });

  it('refuses unknown jobs (404), jobs that did not fail (409), bad lanes and ids (400), and a selection naming orders with no open dead letter (404): nothing changes', async () => {
    const [completed] = (await suite.http.get('/pedidos/queue/jobs?types=completed&start=0&end=0')).body.jobs as Job[];
    const cases: Array<[string, unknown, number, string]> = [
      [`/pedidos/queue/failed/vip/${encodeURIComponent(`${runId}:VIP:100000-100100`)}/retry`, undefined, 404, 'JOB_NOT_FOUND'],
      [`/pedidos/queue/failed/normal/${encodeURIComponent(`${runId}:VIP:0-100`)}/retry`, undefined, 404, 'JOB_NOT_FOUND'],
      [`/pedidos/queue/failed/${completed.queue}/${encodeURIComponent(completed.id)}/retry`, undefined, 409, 'JOB_NOT_FAILED'],
      [`/pedidos/queue/failed/low/${encodeURIComponent(`${runId}:VIP:0-100`)}/retry`, undefined, 400, 'VALIDATION_FAILED'],
      ['/pedidos/queue/failed/vip/not-a-job/retry', undefined, 400, 'VALIDATION_FAILED'],
      ['/pedidos/queue/failed/retry', undefined, 400, 'VALIDATION_FAILED'],
      ['/pedidos/queue/failed/retry?lane=both', undefined, 400, 'VALIDATION_FAILED'],
      ['/pedidos/dead-letters/retry', { orderIds: [] }, 400, 'VALIDATION_FAILED'],
      ['/pedidos/dead-letters/retry', { orderIds: ['not-an-id'] }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [path, body, status, code] of cases) {
      const answer = await post(path, body);
      expectCommonErrorShape(answer, status);
      expect({ path, code: answer.body.code }).toEqual({ path, code });
    }
    const known = await failedOrder('NORMAL', poisoned.NORMAL[0]);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const partly = await post('/pedidos/dead-letters/retry', { orderIds: [known.id, unknown] });
    expectCommonErrorShape(partly, 404);
    expect(partly.body).toMatchObject({ code: 'DEAD_LETTER_NOT_FOUND', details: [unknown] });
    expect(await ordersOfRun(suite.db, runId)).toMatchObject({ failed: expectedFailed(), pending: 0 });
    expect((await openLetters()).total).toBe(expectedFailed());
    expect((await suite.http.get('/pedidos')).body.phase).toBe('DONE');
  });

  it("one failed NORMAL job: its failed order is pending again in the reopened run, processed once, counted; the job leaves the failed list", async () => {
    const seq = poisoned.NORMAL[1];
    const whole = (await failedJobs('normal')).find((job) => job.size > 1 && job.from <= seq && seq < job.to)!;
    // Held by a pause, so the reopened run cannot finish before the checks below.
    expect((await post('/pedidos/queue/pause')).body.paused).toBe(true);
    const retried = await post(`/pedidos/queue/failed/normal/${encodeURIComponent(whole.id)}/retry`);
    expect({ status: retried.status, body: retried.body }).toEqual({ status: 202, body: { runId, lane: 'normal', jobs: 1, requeued: 1, skipped: 0 } });
    // The run is active again until it has drained: every other retry waits for it.
    for (const path of ['/pedidos/queue/failed/retry?lane=vip', '/pedidos/dead-letters/retry']) {
      const meanwhile = await post(path);
      expectCommonErrorShape(meanwhile, 409);
      expect({ path, code: meanwhile.body.code }).toEqual({ path, code: 'RUN_ALREADY_ACTIVE' });
    }
    expect((await post('/pedidos/queue/resume')).body.paused).toBe(false);
    const done = await finished();
    expect(done.phase).toBe('DONE');
    expect(done.counts).toMatchObject({ failed: expectedFailed() - 1, normal: done.progress.normalTarget - poisoned.NORMAL.length + 1 });
    expect(await failedOrder('NORMAL', seq)).toMatchObject({ status: 'processado', attempts: 1 });
    expect((await failedJobs('normal')).map((job) => job.id)).not.toContain(whole.id);
    expect(await letters().countDocuments({ runId, priority: 'NORMAL', seq, retriedAt: null })).toBe(0);

    // The order's own failed job is still listed; retrying it finds nothing failed: it just leaves the list, the run stays closed.
    const alone = (await failedJobs('normal')).find((job) => job.size === 1 && job.from === seq)!;
    const finishedAt = (await suite.http.get(`/pedidos/runs/${runId}`)).body.finishedAt;
    const empty = await post(`/pedidos/queue/failed/normal/${encodeURIComponent(alone.id)}/retry`);
    expect({ status: empty.status, body: empty.body }).toEqual({ status: 202, body: { runId, lane: 'normal', jobs: 1, requeued: 0, skipped: 0 } });
    expect((await suite.http.get(`/pedidos/runs/${runId}`)).body).toMatchObject({ phase: 'DONE', finishedAt });
    const gone = await post(`/pedidos/queue/failed/normal/${encodeURIComponent(alone.id)}/retry`);
    expect({ status: gone.status, code: gone.body.code }).toEqual({ status: 404, code: 'JOB_NOT_FOUND' });
  });

  it('a selection of dead letters of both priorities: the VIP ones are queued at once, no NORMAL job exists until the VIP lane has drained', async () => {
    const vip = await failedOrder('VIP', poisoned.VIP[poisoned.VIP.length - 1]);
    const normal = [await failedOrder('NORMAL', poisoned.NORMAL[2]), await failedOrder('NORMAL', poisoned.NORMAL[3])];
    expect((await post('/pedidos/queue/pause')).body.paused).toBe(true);
    const retried = await post('/pedidos/dead-letters/retry', { orderIds: [normal[0].id, vip.id, normal[1].id] });
    expect({ status: retried.status, body: retried.body }).toEqual({ status: 202, body: { runId, requeued: 3 } });
    // Held by the pause, the reopened run waits on its VIP order; look at the lanes a few times meanwhile.
    for (let look = 0; look < 5; look++) {
      const [status, queue] = await Promise.all([suite.http.get('/pedidos'), suite.http.get('/pedidos/queue/status')]);
      expect(status.body.phase).toBe('WAITING_VIP_DRAIN');
      const lane = (counts: Record<string, number>) => counts.waiting + counts.paused + counts.active + counts.delayed;
      expect({ vip: lane(queue.body.queues.vip) > 0, normal: lane(queue.body.queues.normal) }).toEqual({ vip: true, normal: 0 });
      expect(await orders().countDocuments({ runId, status: 'pendente' })).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect((await post('/pedidos/queue/resume')).body.paused).toBe(false);
    const done = await finished();
    expect(done.phase).toBe('DONE');
    expect(done.counts.failed).toBe(expectedFailed() - 4);
    const after = await orders()
      .find({ id: { $in: [vip.id, ...normal.map((order) => order.id)] } })
      .toArray();
    expect(after.map((order) => [order.status, order.attempts])).toEqual([
      ['processado', 1],
      ['processado', 1],
      ['processado', 1],
    ]);
    const processedAt = (id: string) => after.find((order) => order.id === id)!.processedAt!.getTime();
    for (const order of normal) expect(processedAt(vip.id)).toBeLessThan(processedAt(order.id));
  });

  it('every failed job of the NORMAL lane, then every dead letter, then the VIP lane with nothing failed left: the run ends with every order processed exactly once', async () => {
    const normalJobs = await failedJobs('normal');
    const lane = await post('/pedidos/queue/failed/retry?lane=normal');
    const normalLeft = poisoned.NORMAL.length - 3;
    expect({ status: lane.status, body: lane.body }).toEqual({ status: 202, body: { runId, lane: 'normal', jobs: normalJobs.length, requeued: normalLeft, skipped: 0 } });
    let done = await finished();
    expect(done.counts.failed).toBe(poisoned.VIP.length - 1);
    expect(await failedJobs('normal')).toEqual([]);

    const all = await post('/pedidos/dead-letters/retry');
    expect({ status: all.status, body: all.body }).toEqual({ status: 202, body: { runId, requeued: poisoned.VIP.length - 1 } });
    done = await finished();
    expect(done.phase).toBe('DONE');
    expect(done.counts).toMatchObject({ failed: 0, vip: done.progress.vipTarget, normal: done.progress.normalTarget });

    // The VIP lane still lists the failed jobs of orders retried from the dead letters: they leave it, with nothing to requeue.
    const vipJobs = await failedJobs('vip');
    expect(vipJobs.length).toBeGreaterThan(0);
    const vipLane = await post('/pedidos/queue/failed/retry?lane=vip');
    expect({ status: vipLane.status, body: vipLane.body }).toEqual({ status: 202, body: { runId, lane: 'vip', jobs: vipJobs.length, requeued: 0, skipped: 0 } });
    for (const path of ['/pedidos/queue/failed/retry?lane=vip', '/pedidos/dead-letters/retry']) {
      const nothing = await post(path);
      expect({ path, status: nothing.status, code: nothing.body.code }).toEqual({ path, status: 409, code: 'NOTHING_TO_PROCESS' });
    }

    const final = await ordersOfRun(suite.db, runId);
    expect(final).toMatchObject({ total: RUN_SIZE, processed: RUN_SIZE, pending: 0, failed: 0, touchedTwice: 0, wrongVipNote: 0, wrongNormalNote: 0 });
    expect(await orders().countDocuments({ runId, attempts: { $ne: 1 } })).toBe(0);
    expect(done.counts).toMatchObject({ vip: final.vipProcessed, normal: final.normalProcessed });
    // One dead letter per failure, none open; the order retried while its cause remained failed twice.
    expect(await letters().countDocuments({ runId })).toBe(expectedFailed() + 1);
    expect(await letters().countDocuments({ runId, retriedAt: null })).toBe(0);
    const perOrder = await letters().aggregate<{ _id: string; n: number }>([{ $match: { runId } }, { $group: { _id: '$orderId', n: { $sum: 1 } } }, { $match: { n: { $gt: 1 } } }]).toArray();
    expect(perOrder.map((group) => group.n)).toEqual([2]);
    await waitUntil(async () => (await suite.http.get('/pedidos/health/queue')).body.status === 'healthy', 10_000, 'a healthy queue with no failed job');
  });

  it('a failed job of an earlier run is refused (409); a lane retry takes the latest run\'s failed jobs and leaves the earlier ones (skipped)', async () => {
    await suite.restart({ FAIL_EVERY_SEQ_MULTIPLE_OF: String(POISON_EVERY) });
    const earlier = (await suite.http.post('/pedidos/generate?quantity=300')).body.runId;
    expect((await finished()).phase).toBe('DONE');
    runId = (await suite.http.post('/pedidos/generate?quantity=300')).body.runId;
    const done = await finished();
    expect(done.counts.failed).toBeGreaterThan(0);
    await suite.restart({ FAIL_EVERY_SEQ_MULTIPLE_OF: '0' });
    const vipJobs = await failedJobs('vip');
    const ofEarlier = vipJobs.filter((job) => job.runId === earlier);
    const ofLatest = vipJobs.filter((job) => job.runId === runId);
    expect({ earlier: ofEarlier.length > 0, latest: ofLatest.length > 0 }).toEqual({ earlier: true, latest: true });

    const older = await post(`/pedidos/queue/failed/vip/${encodeURIComponent(ofEarlier[0].id)}/retry`);
    expectCommonErrorShape(older, 409);
    expect(older.body).toMatchObject({ code: 'NOTHING_TO_PROCESS', message: expect.stringContaining(`run ${earlier} is not the latest run`) });

    const vipFailed = await orders().countDocuments({ runId, priority: 'VIP', status: 'falhou' });
    const lane = await post('/pedidos/queue/failed/retry?lane=vip');
    expect({ status: lane.status, body: lane.body }).toEqual({ status: 202, body: { runId, lane: 'vip', jobs: ofLatest.length, requeued: vipFailed, skipped: ofEarlier.length } });
    expect((await finished()).counts.failed).toBe(done.counts.failed - vipFailed);
    expect((await failedJobs('vip')).map((job) => job.runId)).toEqual(ofEarlier.map(() => earlier));
    expect(await orders().countDocuments({ runId, priority: 'VIP', attempts: { $ne: 1 } })).toBe(0);
  });
});
