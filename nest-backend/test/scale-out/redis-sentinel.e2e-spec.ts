import { Db } from 'mongodb';
import { Environment } from '../../src/infrastructure/config/environment';
import { ApiServerProcess, WorkerProcess } from '../support/backend-process';
import { expectProcessedExactlyOnce, waitForRunEnd, waitForStatus } from '../support/exactly-once';
import { OwnRedisSentinel } from '../support/own-redis-sentinel';
import { Http, freePort, httpClient, openDatabase } from '../support/running-api';
import { testEnvironment } from '../support/test-environment';

/** Ports of the fleet-scale range (see the helper brief), after the cluster test's 6415-6417. */
const PORTS = { master: 6418, replica: 6419, sentinels: [6420, 6421, 6422] };
const RUN_SIZE = 4_000;

/**
 * The pipeline through Redis Sentinel (REDIS_URL=redis+sentinel://…/<master>): an API and a worker process run
 * orders while the master is killed with SIGKILL; the Sentinels promote the replica, the clients follow it, and
 * whatever the replica had not received yet (jobs, counters, the run slot) is restored from the database.
 */
describe('Redis Sentinel: the pipeline survives a failover', () => {
  let redis: OwnRedisSentinel;
  let env: Environment;
  let db: Db;
  let closeDb: () => Promise<void>;
  let api: ApiServerProcess;
  let worker: WorkerProcess;
  let http: Http;

  beforeAll(async () => {
    redis = new OwnRedisSentinel(PORTS, 'fleet-scale-test');
    await redis.start();
    env = testEnvironment('redis_sentinel', { REDIS_URL: redis.url, GENERATION_CHUNK_SIZE: '1000', ORDERS_PER_JOB: '100', ORDERS_QUEUE_CONCURRENCY: '2' });
    ({ db, close: closeDb } = await openDatabase(env));
    api = new ApiServerProcess(env, await freePort());
    worker = new WorkerProcess(env);
    http = httpClient(() => api.url);
    await api.startServing();
    await worker.startConsuming();
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.stop('SIGKILL');
    await redis?.destroy();
    await db?.dropDatabase().catch(() => undefined);
    await closeDb?.();
  });

  it('ends DONE, every order once and VIP first, when the master is killed while VIP orders drain', async () => {
    expect(await redis.masterPort()).toBe(PORTS.master);
    const started = await http.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    const { runId } = started.body;
    await waitForStatus(http, (s) => s.lastRunId === runId && s.counts.vip >= 100 && s.counts.vip <= s.progress.vipTarget - 300, 120_000, 'VIP processing under way', 20);

    expect((await redis.master.stop('SIGKILL')).signal).toBe('SIGKILL');
    const final = await waitForRunEnd(http, 240_000);
    expect(await redis.masterPort()).toBe(PORTS.replica);
    expect(final).toMatchObject({ lastRunId: runId, phase: 'DONE' });
    const orders = await expectProcessedExactlyOnce(db, runId, RUN_SIZE);
    expect(final.counts).toEqual({ vip: orders.vipProcessed, normal: orders.normalProcessed, failed: 0, cancelled: 0 });
    expect((await http.get('/health/ready')).body).toMatchObject({ status: 'ok' });
  });

  it('refuses to boot on a Sentinel URL without a master name', async () => {
    const bad = new ApiServerProcess({ ...env, REDIS_URL: 'redis+sentinel://127.0.0.1:6420' }, await freePort());
    await expect(bad.start(/never/, 20_000)).rejects.toThrow(/exited \(code 78\)[\s\S]*REDIS_URL=[\s\S]*master name is missing/);
  });
});
