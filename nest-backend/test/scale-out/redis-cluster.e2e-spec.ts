import { Cluster } from 'ioredis';
import { Db } from 'mongodb';
import { Environment } from '../../src/infrastructure/config/environment';
import { anEvent, postBatch, postEvent, waitForSettled } from '../events/event-client';
import { ApiServerProcess, WorkerProcess } from '../support/backend-process';
import { BackendOnOwnRedis } from '../support/backend-on-own-redis';
import { expectProcessedExactlyOnce, waitForRunEnd, waitForStatus } from '../support/exactly-once';
import { OwnRedisCluster } from '../support/own-redis-cluster';
import { Http } from '../support/running-api';
import { SocketRecorder } from '../support/socket-recorder';
import { databaseNameOf } from '../support/test-environment';

/** The fleet-scale port range for Redis Cluster tests (see the helper brief): three masters. */
const CLUSTER_PORTS = [6415, 6416, 6417];
const RUN_SIZE = 4_000;

/** Every key on every master of the cluster. */
async function allKeys(cluster: Cluster): Promise<string[]> {
  const keys: string[] = [];
  for (const node of cluster.nodes('master')) keys.push(...(await node.keys('*')));
  return keys;
}

/**
 * The whole pipeline on a Redis Cluster of three masters: REDIS_URL=redis+cluster://…, an API (with its
 * workers) and a worker process. Every key the project and Bull write lands in the one hash slot of the
 * prefix's hash tag; runs end DONE (and ABORTED on cancel), checked from the database, and event intake
 * stores each distinct event once.
 */
describe('Redis Cluster: the pipeline on three cluster masters', () => {
  let cluster: OwnRedisCluster;
  let checks: Cluster;
  let backend: BackendOnOwnRedis;
  let env: Environment;
  let db: Db;
  let api: ApiServerProcess;
  let worker: WorkerProcess;
  let http: Http;
  let socket: SocketRecorder;

  beforeAll(async () => {
    cluster = new OwnRedisCluster(CLUSTER_PORTS);
    await cluster.start();
    checks = cluster.client();
    backend = await BackendOnOwnRedis.start('redis_cluster', cluster.url, { ORDERS_PER_JOB: '200' });
    ({ env, db, api, worker, http } = backend);
    socket = await SocketRecorder.connect(api.url);
  });

  afterAll(async () => {
    socket?.close();
    await backend?.stop();
    checks?.disconnect();
    await cluster?.destroy();
  });

  /** Every key in the cluster carries the prefix's hash tag, so all of them sit in one slot. */
  const expectOneSlot = async () => {
    const keys = await allKeys(checks);
    expect(keys.length).toBeGreaterThan(0);
    const tag = `{${env.KEY_PREFIX}}`;
    expect(keys.filter((key) => !key.startsWith(tag))).toEqual([]);
    const slots = new Set(await Promise.all(keys.map((key) => checks.cluster('KEYSLOT', key))));
    expect(slots.size).toBe(1);
    expect(databaseNameOf(env)).toMatch(/test/);
  };

  it('refuses to boot on a cluster URL that is not a list of host:port', async () => {
    await backend.expectBootRefused('redis+cluster://127.0.0.1', /REDIS_URL="redis\+cluster:\/\/127.0.0.1": cluster node "127.0.0.1" is not host:port/);
  });

  it('runs orders to DONE, every order once and VIP first, with every key in the hash slot of the prefix', async () => {
    expect((await http.get('/health/ready')).body).toMatchObject({ status: 'ok', info: { redis: { status: 'up' } } });
    const started = await http.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    const { runId } = started.body;

    const final = await waitForRunEnd(http, 180_000);
    expect(final).toMatchObject({ lastRunId: runId, phase: 'DONE' });
    const orders = await expectProcessedExactlyOnce(db, runId, RUN_SIZE);
    expect(final.counts).toEqual({ vip: orders.vipProcessed, normal: orders.normalProcessed, failed: 0, cancelled: 0 });
    expect(final.progress).toMatchObject({ target: RUN_SIZE, generated: RUN_SIZE, processedTotal: RUN_SIZE });

    // Pub/sub across the cluster: phases and log lines of the API and the worker reached the socket.
    expect(socket.phasesOf(runId)).toEqual(['GENERATING', 'ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN', 'DONE']);
    const logs = (await http.get('/pedidos/logs?lines=1000')).body;
    expect(JSON.stringify(logs)).toContain(`run ${runId} DONE`);

    await expectOneSlot();
  });

  it('takes in events on the cluster: each distinct event stored once, the metrics equal the database', async () => {
    const distinct = Array.from({ length: 600 }, () => anEvent());
    const resent = distinct.slice(0, 100).map((event) => ({ ...event }));
    for (let at = 0; at < distinct.length; at += 100) expect((await postBatch(api.url, distinct.slice(at, at + 100))).status).toBe(202);
    for (const event of resent.slice(0, 20)) expect((await postEvent(api.url, event)).status).toBe(202);
    expect((await postBatch(api.url, resent.slice(20))).status).toBe(202);

    const metrics = await waitForSettled(api.url, 700);
    expect(metrics).toMatchObject({ accepted: 700, stored: 600, duplicates: 100, deadLettered: 0, inQueue: 0 });
    const interactions = db.collection('user_interactions');
    expect(await interactions.countDocuments()).toBe(600);
    expect(new Set(await interactions.distinct('eventId')).size).toBe(600);
    await expectOneSlot();
  });

  it('cancels a run and resets the system on the cluster, runs again, and stops cleanly on SIGTERM', async () => {
    const started = await http.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    await waitForStatus(http, (s) => s.lastRunId === started.body.runId && s.counts.vip >= 200, 120_000, 'VIP processing under way', 20);
    const cancelled = await http.post('/pedidos/cancel?purge=true');
    expect(cancelled.status).toBe(200);
    const { counts } = cancelled.body;
    expect(counts.vip + counts.normal + counts.failed + counts.cancelled).toBe(RUN_SIZE);
    expect((await http.get('/pedidos/queue/status')).body.totals).toMatchObject({ waiting: 0, active: 0, delayed: 0, paused: 0 });

    expect((await http.post('/pedidos/reset')).status).toBe(200);
    expect((await allKeys(checks)).filter((key) => key.includes(':run:') && key.endsWith(':counters'))).toEqual([]);
    expect(await db.collection('orders').countDocuments()).toBe(0);

    const again = await http.post('/pedidos/generate?quantity=1000');
    expect(again.status).toBe(202);
    const final = await waitForRunEnd(http, 120_000);
    expect(final).toMatchObject({ lastRunId: again.body.runId, phase: 'DONE' });
    await expectProcessedExactlyOnce(db, again.body.runId, 1_000);

    // SIGTERM closes the queues and then Bull's cluster clients: both processes exit 0 in time.
    for (const process of [worker, api]) expect(await process.stop('SIGTERM', 20_000)).toMatchObject({ code: 0, timedOut: false });
  });
});
