import { Socket, io } from 'socket.io-client';
import { Db } from 'mongodb';
import { mismatchedPriorities, ordersOfRun, priorityBoundary } from './support/order-checks';
import { useInProcessApi, waitForPhase as waitForPhaseOf } from './support/in-process-suite';
import { Http, waitUntil } from './support/running-api';

const RUN_SIZE = 20_000;

describe('order pipeline over HTTP and Socket.IO', () => {
  const suite = useInProcessApi('pipeline', { MAX_ORDERS: '50000' });
  const http: Http = { get: (path) => suite.http.get(path), post: (path) => suite.http.post(path) };
  const waitForPhase = (phases: string[]) => waitForPhaseOf(http, phases);
  let db: Db;
  let url: string;
  beforeAll(() => {
    ({ db, url } = suite);
  });

  it('answers 400 with a message for bad quantities, and creates no run', async () => {
    for (const quantity of ['0', '-5', '1.5', 'abc', '', '1e3', '50001', '99999999999999']) {
      const { status, body } = await http.post(`/pedidos/generate?quantity=${quantity}`);
      expect({ quantity, status }).toEqual({ quantity, status: 400 });
      expect(body).toMatchObject({ statusCode: 400, path: '/pedidos/generate' });
      expect(body.message).toMatch(/quantity/);
    }
    const unknown = await http.post('/pedidos/generate?quantity=10&color=blue');
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/color/);
    expect((await http.get('/pedidos/runs')).body.total).toBe(0);
    expect(await db.collection('orders').countDocuments()).toBe(0);
  });

  it(`processes ${RUN_SIZE} orders to DONE, every VIP order before any NORMAL one, with live socket events`, async () => {
    const socket: Socket = io(url, { transports: ['websocket'] });
    const phases: string[] = [];
    const progressTimes: number[] = [];
    let logLines = 0;
    socket.on('phase', (event: { phase: string }) => phases.push(event.phase));
    socket.on('progress', () => progressTimes.push(Date.now()));
    socket.on('log', () => logLines++);
    await waitUntil(async () => socket.connected, 10_000, 'socket to connect');

    try {
      const started = await http.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
      expect(started.status).toBe(202);
      const { runId } = started.body;
      expect(runId).toMatch(/^[0-9a-f-]{36}$/);

      const second = await http.post('/pedidos/generate?quantity=10');
      expect(second.status).toBe(409);
      expect(second.body.message).toContain(runId);

      const status = await waitForPhase(['DONE', 'ERROR', 'ABORTED']);
      expect(status.phase).toBe('DONE');

      const orders = await ordersOfRun(db, runId);
      expect(orders).toMatchObject({ total: RUN_SIZE, processed: RUN_SIZE, pending: 0, failed: 0, touchedTwice: 0, wrongVipNote: 0, wrongNormalNote: 0 });
      expect(await mismatchedPriorities(db, runId)).toBe(0);
      expect(orders.vipProcessed).toBeGreaterThan(0);
      expect(orders.normalProcessed).toBeGreaterThan(0);

      const { lastVip, firstNormal } = await priorityBoundary(db, runId);
      expect(lastVip.getTime()).toBeLessThan(firstNormal.getTime());
      expect(Date.parse(status.processing.vip.end)).toBeLessThanOrEqual(Date.parse(status.processing.normal.start));

      expect(status.counts).toEqual({ vip: orders.vipProcessed, normal: orders.normalProcessed, failed: 0, cancelled: 0 });
      expect(status.progress).toMatchObject({ target: RUN_SIZE, generated: RUN_SIZE, processedTotal: RUN_SIZE });
      expect(status.eta).toEqual({ estimatedMs: 0, progressPercent: 100 });
      expect(status.totalTimeMs).toBeGreaterThan(0);
      expect(status.generationTimeMs).toBeGreaterThan(0);
      expect(status.throughput.overall).toBeGreaterThan(0);

      expect(phases).toEqual(expect.arrayContaining(['ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN', 'DONE']));
      expect(phases.indexOf('WAITING_VIP_DRAIN')).toBeLessThan(phases.indexOf('ENQUEUE_NORMAL'));
      expect(logLines).toBeGreaterThan(0);
      expect(progressTimes.length).toBeGreaterThan(2);
      // At most ~10 progress events a second, however fast the work goes.
      for (let i = 10; i < progressTimes.length; i++) expect(progressTimes[i] - progressTimes[i - 10]).toBeGreaterThanOrEqual(900);

      const run = await http.get(`/pedidos/runs/${runId}`);
      expect(run.body).toMatchObject({ runId, phase: 'DONE', target: RUN_SIZE, counts: status.counts });
      const queue = await http.get('/pedidos/queue/status');
      expect(queue.body.totals).toMatchObject({ waiting: 0, active: 0, delayed: 0, paused: 0, failed: 0 });
      expect((await http.get('/pedidos/health/queue')).body.status).toBe('healthy');
    } finally {
      socket.disconnect();
    }
  });

  it('makes exactly one run out of simultaneous generate requests', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => http.post('/pedidos/generate?quantity=2000')));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([202, 409, 409, 409, 409, 409]);
    const runId = answers.find((answer) => answer.status === 202)!.body.runId;
    expect((await waitForPhase(['DONE', 'ERROR'])).phase).toBe('DONE');
    expect(await ordersOfRun(db, runId)).toMatchObject({ total: 2000, processed: 2000 });
  });

  it('cancels a run mid-way: ABORTED, consistent counts, a clean queue, and the next run completes', async () => {
    const { body: started } = await http.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    await waitUntil(async () => (await http.get('/pedidos')).body.counts.vip > 0, 120_000, 'VIP processing to start');

    const cancelled = await http.post('/pedidos/cancel');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ runId: started.runId, phase: 'ABORTED' });

    const status = (await http.get('/pedidos')).body;
    expect(status.phase).toBe('ABORTED');
    const orders = await ordersOfRun(db, started.runId);
    expect(orders.touchedTwice).toBe(0);
    expect(status.counts.vip).toBe(orders.vipProcessed);
    expect(status.counts.normal).toBe(orders.normalProcessed);
    expect(status.counts.vip + status.counts.normal + status.counts.failed + status.counts.cancelled).toBe(RUN_SIZE);
    expect(orders.pending).toBe(status.counts.cancelled - (RUN_SIZE - status.progress.generated));
    const queue = (await http.get('/pedidos/queue/status')).body;
    expect(queue.paused).toBe(false);
    expect(queue.totals).toMatchObject({ waiting: 0, active: 0, delayed: 0, paused: 0 });
    expect((await http.post('/pedidos/cancel')).status).toBe(409);

    const next = await http.post('/pedidos/generate?quantity=3000');
    expect(next.status).toBe(202);
    expect((await waitForPhase(['DONE', 'ERROR'])).phase).toBe('DONE');
    expect(await ordersOfRun(db, next.body.runId)).toMatchObject({ total: 3000, processed: 3000, pending: 0 });
    // The cancelled run's unprocessed orders stay as they were: nothing leaked into the new run.
    expect((await ordersOfRun(db, started.runId)).processed).toBe(orders.processed);
  });

  it('two-step run: autoProcess=false stops after generation, POST /pedidos/process finishes it', async () => {
    expect((await http.post('/pedidos/process')).status).toBe(409);
    const { body: started } = await http.post('/pedidos/generate?quantity=3000&autoProcess=false');
    const waiting = await waitUntil(async () => {
      const { body } = await http.get('/pedidos');
      return body.awaitingProcess ? body : null;
    }, 60_000, 'generation to finish');
    expect(waiting).toMatchObject({ phase: 'GENERATING', progress: { generated: 3000, processedTotal: 0 } });
    expect((await ordersOfRun(db, started.runId)).pending).toBe(3000);

    const processed = await http.post('/pedidos/process');
    expect(processed.status).toBe(202);
    expect((await waitForPhase(['DONE', 'ERROR'])).phase).toBe('DONE');
    expect(await ordersOfRun(db, started.runId)).toMatchObject({ processed: 3000, pending: 0 });
  });

  it('refuses reset while a run is active, then resets orders, runs, queue and logs', async () => {
    await http.post('/pedidos/generate?quantity=5000');
    const refused = await http.post('/pedidos/reset');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RUN_ALREADY_ACTIVE');
    await http.post('/pedidos/cancel?removePending=true');

    const reset = await http.post('/pedidos/reset');
    expect(reset.status).toBe(200);
    expect(reset.body.deletedRuns).toBeGreaterThan(0);
    expect(await db.collection('orders').countDocuments()).toBe(0);
    expect(await db.collection('process_runs').countDocuments()).toBe(0);
    const status = (await http.get('/pedidos')).body;
    expect(status).toMatchObject({ phase: 'IDLE', lastRunId: null });
    expect((await http.get('/pedidos/queue/status')).body.totals).toEqual({ waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0, paused: 0 });
    const logs = (await http.get('/pedidos/logs')).body.lines;
    expect(logs.length).toBeLessThanOrEqual(1);
  });
});
