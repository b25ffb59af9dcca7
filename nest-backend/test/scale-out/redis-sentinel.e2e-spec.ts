import { freePorts } from '@pedidos/processes';
import { BackendOnOwnRedis } from '../support/backend-on-own-redis';
import { expectProcessedExactlyOnce, waitForRunEnd, waitForStatus } from '../support/exactly-once';
import { OwnRedisSentinel } from '../support/own-redis-sentinel';

const RUN_SIZE = 4_000;

/**
 * The pipeline through Redis Sentinel (REDIS_URL=redis+sentinel://…/<master>): an API and a worker process run
 * orders while the master is killed with SIGKILL; the Sentinels promote the replica, the clients follow it, and
 * whatever the replica had not received yet (jobs, counters, the run slot) is restored from the database.
 */
describe('Redis Sentinel: the pipeline survives a failover', () => {
  let redis: OwnRedisSentinel;
  let backend: BackendOnOwnRedis;

  beforeAll(async () => {
    const [master, replica, ...sentinels] = await freePorts(5);
    redis = new OwnRedisSentinel({ master, replica, sentinels }, 'fleet-scale-test');
    await redis.start();
    backend = await BackendOnOwnRedis.start('redis_sentinel', redis.url, { ORDERS_PER_JOB: '100', ORDERS_QUEUE_CONCURRENCY: '2' });
  });

  afterAll(async () => {
    await backend?.stop();
    await redis?.destroy();
  });

  it('ends DONE, every order once and VIP first, when the master is killed while VIP orders drain', async () => {
    const { http, db } = backend;
    expect(await redis.masterPort()).toBe(redis.ports.master);
    const started = await http.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    const { runId } = started.body;
    await waitForStatus(http, (s) => s.lastRunId === runId && s.counts.vip >= 100 && s.counts.vip <= s.progress.vipTarget - 300, 120_000, 'VIP processing under way', 20);

    expect((await redis.master.stop('SIGKILL')).signal).toBe('SIGKILL');
    const final = await waitForRunEnd(http, 240_000);
    expect(await redis.masterPort()).toBe(redis.ports.replica);
    expect(final).toMatchObject({ lastRunId: runId, phase: 'DONE' });
    const orders = await expectProcessedExactlyOnce(db, runId, RUN_SIZE);
    expect(final.counts).toEqual({ vip: orders.vipProcessed, normal: orders.normalProcessed, failed: 0, cancelled: 0 });
    expect((await http.get('/health/ready')).body).toMatchObject({ status: 'ok' });
  });

  it('refuses to boot on a Sentinel URL without a master name', async () => {
    await backend.expectBootRefused('redis+sentinel://127.0.0.1:6420', /master name is missing/);
  });
});
