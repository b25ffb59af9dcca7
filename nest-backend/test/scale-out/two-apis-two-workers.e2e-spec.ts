import { freePort } from '@pedidos/processes';
import Redis from 'ioredis';
import { Db } from 'mongodb';
import { Environment } from '../../src/infrastructure/config/environment';
import { RedisKeys } from '../../src/infrastructure/redis/redis-keys';
import { ApiServerProcess, WorkerProcess } from '../support/backend-process';
import { expectProcessedExactlyOnce, waitForRunEnd, waitForStatus } from '../support/exactly-once';
import { Http, httpClient, openDatabase, waitUntil } from '../support/running-api';
import { SocketRecorder } from '../support/socket-recorder';
import { dropTestData, testEnvironment } from '../support/test-environment';

const RUN_SIZE = 5_000;
const ORDERS_PER_JOB = 100;
const STILL_FOR_MS = 1_500;

/** The figures of `GET /pedidos` that do not depend on when or where they are read (not rates, not elapsed times). */
function sharedFigures(status: any) {
  const { lastRunId, phase, awaitingProcess, generationTimeMs, enqueueVipTimeMs, enqueueNormalTimeMs, counts, progress, processing } = status;
  const window = (lane: any) => ({ start: lane.start, count: lane.count });
  return { lastRunId, phase, awaitingProcess, generationTimeMs, enqueueVipTimeMs, enqueueNormalTimeMs, counts, progress, vip: window(processing.vip), normal: window(processing.normal) };
}

/** A finished run's status, without the moment it was read and the per-process sampled rate. */
function finishedFigures(status: any) {
  const { updatedAt: _updatedAt, throughput, ...rest } = status;
  return { ...rest, throughput: { ...throughput, current: undefined } };
}

/**
 * A fleet: two API processes on their own ports and two worker processes, on one MongoDB-compatible server
 * and one Redis. The APIs run no workers of their own, so the workers do all the processing.
 */
describe('scale out: two API processes and two workers on the same MongoDB and Redis', () => {
  let env: Environment;
  let db: Db;
  let closeDb: () => Promise<void>;
  let redis: Redis;
  let keys: RedisKeys;
  let api1: ApiServerProcess;
  let api2: ApiServerProcess;
  const workers: WorkerProcess[] = [];
  let http1: Http;
  let http2: Http;
  const sockets: SocketRecorder[] = [];

  beforeAll(async () => {
    env = testEnvironment('scale_out', {
      RUN_WORKERS_IN_API: 'false',
      GENERATION_CHUNK_SIZE: '500',
      ORDERS_PER_JOB: String(ORDERS_PER_JOB),
      ORDERS_QUEUE_CONCURRENCY: '2',
    });
    ({ db, close: closeDb } = await openDatabase(env));
    redis = new Redis(env.REDIS_URL);
    keys = new RedisKeys(env.KEY_PREFIX);
    api1 = new ApiServerProcess(env, await freePort());
    api2 = new ApiServerProcess(env, await freePort());
    http1 = httpClient(() => api1.url);
    http2 = httpClient(() => api2.url);
    await Promise.all([api1.startServing(), api2.startServing()]);
    for (let i = 0; i < 2; i++) workers.push(new WorkerProcess(env));
    await Promise.all(workers.map((worker) => worker.startConsuming()));
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    for (const worker of workers) {
      if (worker.running) worker.signal('SIGCONT');
      await worker.stop('SIGKILL');
    }
    await api1?.stop('SIGKILL');
    await api2?.stop('SIGKILL');
    redis?.disconnect();
    await closeDb?.();
    if (env) await dropTestData(env);
  });

  const processedInDb = (runId: string) => db.collection('orders').countDocuments({ runId, status: 'processado' });
  const totals = async (http: Http) => (await http.get('/pedidos/queue/status')).body.totals;

  /**
   * The drain phase the run waits in while that lane's jobs sit in the paused queue (null otherwise). Such a run
   * stays in that phase until the queue is resumed: its driver moves on only once the lane has no job left.
   */
  const heldInDrain = async (http: Http, runId: string): Promise<string | null> => {
    const { phase, lastRunId } = (await http.get('/pedidos')).body;
    const { queues, totals: all } = (await http.get('/pedidos/queue/status')).body;
    if (lastRunId !== runId || all.active > 0) return null;
    if (phase === 'WAITING_VIP_DRAIN' && queues.vip.paused > 0) return phase;
    if (phase === 'WAITING_NORMAL_DRAIN' && queues.normal.paused > 0) return phase;
    return null;
  };

  /** Pauses through one API, checks through the other that nothing moves, and returns the status both then show. */
  const pauseThrough = async (pauser: Http, watcher: Http, runId: string) => {
    const paused = await pauser.post('/pedidos/queue/pause');
    expect(paused.status).toBe(200);
    await waitUntil(async () => (await totals(watcher)).active === 0, 30_000, 'running jobs to finish after the pause', 50);
    const still = await processedInDb(runId);
    await new Promise((resolve) => setTimeout(resolve, STILL_FOR_MS));
    expect(await processedInDb(runId)).toBe(still);
    expect((await watcher.get('/pedidos/queue/status')).body).toMatchObject({ paused: true, totals: { active: 0 } });
    const [one, two] = await Promise.all([http1.get('/pedidos'), http2.get('/pedidos')]);
    expect(sharedFigures(two.body)).toEqual(sharedFigures(one.body));
    return still;
  };

  const resumeThrough = async (resumer: Http, watcher: Http, runId: string, still: number) => {
    const resumed = await resumer.post('/pedidos/queue/resume');
    expect(resumed.status).toBe(200);
    expect(resumed.body.paused).toBe(false);
    await waitUntil(async () => (await processedInDb(runId)) > still, 30_000, 'processing to go on after the resume', 50);
    expect((await watcher.get('/pedidos/queue/status')).body.paused).toBe(false);
  };

  it('shows a run started through API 1 identically through API 2 (HTTP and every socket event), pauses through API 2, resumes through API 1, and stops it on a cancel through API 2', async () => {
    const [socket1, socket2] = await Promise.all([SocketRecorder.connect(api1.url), SocketRecorder.connect(api2.url)]);
    sockets.push(socket1, socket2);

    const started = await http1.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    const { runId } = started.body;
    expect((await http2.post(`/pedidos/generate?quantity=${RUN_SIZE}`)).status).toBe(409);

    // With equality-keyed jobs VIP processing keeps pace with generation, so the VIP lane could drain before
    // WAITING_VIP_DRAIN: hold it once it has started, and let generation finish meanwhile.
    await waitForStatus(http2, (s) => s.lastRunId === runId && s.counts.vip >= 100 && s.counts.vip <= s.progress.vipTarget - 300, 120_000, 'VIP processing under way', 20);
    expect((await http2.post('/pedidos/queue/pause')).status).toBe(200);
    await waitForStatus(http2, (s) => s.lastRunId === runId && s.phase === 'WAITING_VIP_DRAIN' && s.counts.vip >= 100 && s.counts.vip <= s.progress.vipTarget - 300, 120_000, 'VIP processing under way', 20);
    const still = await pauseThrough(http2, http1, runId);
    await resumeThrough(http1, http2, runId, still);

    await waitForStatus(http1, (s) => s.phase === 'WAITING_NORMAL_DRAIN' && s.counts.normal >= 100 && s.counts.normal <= s.progress.normalTarget - 1_000, 120_000, 'NORMAL processing under way', 20);
    // API 1 drives the run (it took the driver lease when it started it); the cancel goes to API 2.
    expect(await redis.exists(keys.driver(runId))).toBe(1);
    const cancelled = await http2.post('/pedidos/cancel');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ runId, phase: 'ABORTED' });

    // The cancel answers once no process drives the run: API 1's loop let go, and nothing it had in flight lands later.
    expect(await redis.exists(keys.driver(runId))).toBe(0);
    const processedAtCancel = await processedInDb(runId);
    for (const http of [http1, http2]) expect(await totals(http)).toMatchObject({ waiting: 0, active: 0, delayed: 0, paused: 0 });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await processedInDb(runId)).toBe(processedAtCancel);
    for (const http of [http1, http2]) expect(await totals(http)).toMatchObject({ waiting: 0, active: 0, delayed: 0, paused: 0 });
    const { counts } = cancelled.body;
    expect(counts.vip + counts.normal).toBe(processedAtCancel);
    expect(counts.vip + counts.normal + counts.failed + counts.cancelled).toBe(RUN_SIZE);

    const [final1, final2] = await Promise.all([http1.get('/pedidos'), http2.get('/pedidos')]);
    expect(final1.body).toMatchObject({ lastRunId: runId, phase: 'ABORTED' });
    expect(finishedFigures(final2.body)).toEqual(finishedFigures(final1.body));

    // Every socket event reached the dashboards of both APIs, the same events in the same order.
    await waitUntil(async () => socket1.lastProgress?.phase === 'ABORTED' && socket2.lastProgress?.phase === 'ABORTED', 10_000, 'the last progress event on both sockets', 50);
    expect(socket1.phasesOf(runId)).toEqual(['GENERATING', 'ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN', 'ABORTED']);
    expect(socket2.phases).toEqual(socket1.phases);
    expect(socket1.logs.some((line) => line.message.includes(`run ${runId} cancelled`))).toBe(true);
    expect(socket2.logs).toEqual(socket1.logs);
    expect(finishedFigures(socket2.lastProgress)).toEqual(finishedFigures(socket1.lastProgress));
    expect(sharedFigures(socket1.lastProgress)).toEqual(sharedFigures(final1.body));
  });

  it('finishes through API 2 a run API 1 drove when API 1 is killed with SIGKILL, pausing through API 1 and resuming through API 2; a worker added mid-run takes work', async () => {
    const started = await http1.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    const { runId } = started.body;

    // Paused through API 1 once VIP processing has started and before any NORMAL order, and held until the run waits
    // on a lane that still has jobs: API 1 is killed with work left, and only the driver that adopts it can move it on.
    await waitForStatus(http1, (s) => s.lastRunId === runId && s.counts.vip >= ORDERS_PER_JOB && s.counts.normal === 0, 120_000, 'VIP processing under way', 20);
    expect((await http1.post('/pedidos/queue/pause')).status).toBe(200);
    const held = await waitUntil(() => heldInDrain(http1, runId), 120_000, 'the run to wait on a paused lane with jobs', 50);
    const still = await pauseThrough(http1, http2, runId);

    const killed = await api1.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    // API 2 adopts the run once API 1's lease lapses (10 s), at its next look for orphans (every 3 s).
    await api2.waitForOutput(new RegExp(`resuming run ${runId} in phase ${held}`), 60_000);
    expect(await redis.exists(keys.driver(runId))).toBe(1);
    expect(await processedInDb(runId)).toBe(still);

    // A third worker joins while the queue is held; the first two are frozen (they hold no job since the pause), so
    // whatever is processed after the resume through API 2, the newcomer processed.
    const newcomer = new WorkerProcess(env);
    workers.push(newcomer);
    await newcomer.startConsuming();
    workers.slice(0, 2).forEach((worker) => worker.signal('SIGSTOP'));
    try {
      const resumed = await http2.post('/pedidos/queue/resume');
      expect(resumed.status).toBe(200);
      expect(resumed.body.paused).toBe(false);
      await waitUntil(async () => (await processedInDb(runId)) >= still + ORDERS_PER_JOB, 60_000, 'the new worker to process a job', 100);
    } finally {
      workers.slice(0, 2).forEach((worker) => worker.signal('SIGCONT'));
    }

    const final = await waitForRunEnd(http2, 180_000);
    expect(final).toMatchObject({ lastRunId: runId, phase: 'DONE' });
    const orders = await expectProcessedExactlyOnce(db, runId, RUN_SIZE);
    expect(final.counts).toEqual({ vip: orders.vipProcessed, normal: orders.normalProcessed, failed: 0, cancelled: 0 });
    expect(await totals(http2)).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });
  });
});
