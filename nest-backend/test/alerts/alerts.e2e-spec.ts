import { freePort } from '@pedidos/processes';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Environment } from '../../src/infrastructure/config/environment';
import { RedisKeys } from '../../src/infrastructure/redis/redis-keys';
import { ApiServerProcess } from '../support/backend-process';
import { waitForRunEnd, waitForStatus } from '../support/exactly-once';
import { Http, httpClient, waitUntil } from '../support/running-api';
import { dropTestData, testEnvironment } from '../support/test-environment';
import { AlertSockets } from './alert-sockets';
import { WebhookReceiver } from './webhook-receiver';

// Well above the time a job of 50 orders takes on a busy machine, so no lane stalls before the test pauses it.
const STALL_ALERT_S = 5;
const RUN_SIZE = 8_000;

/**
 * Two API processes (both consuming the queue) on one database and Redis, with a local HTTP receiver as
 * ALERT_WEBHOOK_URL. Alerts are evaluated by one of them, so each condition reaches the receiver once;
 * the receiver refuses the first deliveries, so the webhook must retry.
 */
describe('alerts: a stalled lane and a run in ERROR reach the webhook, the sockets and GET /pedidos/alerts', () => {
  let receiver: WebhookReceiver;
  let env: Environment;
  let apis: ApiServerProcess[];
  let https: Http[];
  let sockets: AlertSockets[];
  let redis: Redis;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    // Small jobs and little concurrency keep a backlog in the VIP lane long enough to pause it.
    env = testEnvironment('alerts', {
      GENERATION_CHUNK_SIZE: '500',
      ORDERS_PER_JOB: '50',
      ORDERS_QUEUE_CONCURRENCY: '2',
      STALL_ALERT_S: String(STALL_ALERT_S),
      ALERT_CHECK_EVERY_MS: '250',
      ALERT_WEBHOOK_URL: receiver.url,
      ALERT_WEBHOOK_BACKOFF_MS: '200',
      ALERT_WEBHOOK_TIMEOUT_MS: '2000',
    });
    apis = [new ApiServerProcess(env, await freePort()), new ApiServerProcess(env, await freePort())];
    for (const api of apis) await api.startServing();
    https = apis.map((api) => httpClient(() => api.url));
    sockets = await Promise.all(apis.map((api) => AlertSockets.connect(api.url)));
    redis = new Redis(env.REDIS_URL);
  });

  afterAll(async () => {
    sockets?.forEach((socket) => socket.close());
    redis?.disconnect();
    await Promise.all((apis ?? []).map((api) => api.stop('SIGKILL')));
    await receiver?.close();
    if (env) await dropTestData(env);
  });

  const openAlerts = async (http: Http) => {
    const { status, body } = await http.get('/pedidos/alerts');
    expect(status).toBe(200);
    return body.open as Array<{ id: string; key: string; details: Record<string, unknown> }>;
  };

  it('the queue paused mid-run past STALL_ALERT_S: one lane-stalled alert, delivered after the receiver failed twice; it clears when the lane moves again', async () => {
    const [one, two] = https;
    const started = await one.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    const { runId } = started.body;
    // Paused while generating, the lane keeps getting VIP slices it cannot process (jobs keep pace with generation, so
    // waiting for a VIP backlog later might see the lane drain first).
    await waitForStatus(one, (s) => s.phase === 'GENERATING' && s.counts.vip >= 50 && s.progress.generated <= RUN_SIZE - 2_000, 120_000, 'VIP processing under way while generating', 20);

    // On a loaded machine a slow job can stall the lane for real before the pause; that alert is not the one tested.
    await waitUntil(async () => !(await openAlerts(one)).some((a) => a.key === 'lane-stalled:VIP'), 30_000, 'the VIP lane to be moving before the pause');
    const pausedAt = Date.now();
    const ofThePause = (body: any) => body.event === 'alert.open' && body.alert.key === 'lane-stalled:VIP' && Date.parse(body.alert.openedAt) >= pausedAt;
    receiver.refuseNext(2, ofThePause);
    expect((await two.post('/pedidos/queue/pause')).status).toBe(200);
    const opened = await receiver.waitFor('alert.open', 'lane-stalled:VIP', 60_000, pausedAt);
    expect(opened.alert).toMatchObject({ runId, details: { paused: true, thresholdS: STALL_ALERT_S } });
    expect(opened.alert.message).toMatch(/^VIP lane of run .+ made no progress for \d+ s while it has work, in \w+ \(the queue is paused\)$/);
    // The same delivery, refused twice (503) and accepted on its third attempt.
    const attempts = receiver.deliveries.filter((d) => d.deliveryId === opened.deliveryId);
    expect(attempts.map((d) => `${d.attempt} ${d.answered}`)).toEqual(['1 503', '2 503', '3 200']);

    // Both APIs list the same open alert; the dashboards of both heard it once.
    for (const http of https) expect((await openAlerts(http)).filter((a) => a.key === 'lane-stalled:VIP')).toMatchObject([{ id: opened.alert.id }]);
    await waitUntil(async () => sockets.every((s) => s.of(opened.alert.id, 'open').length === 1), 10_000, 'both sockets to get the alert');

    // Still paused for a while: still that one alert, however many checks the two processes made.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const opensSincePause = receiver.deliveries.filter((d) => d.event === 'alert.open' && d.alert.key === 'lane-stalled:VIP' && Date.parse(d.alert.openedAt) >= pausedAt);
    expect(opensSincePause.map((d) => d.alert.id)).toEqual([opened.alert.id, opened.alert.id, opened.alert.id]);

    expect((await one.post('/pedidos/queue/resume')).status).toBe(200);
    const cleared = await receiver.waitFor('alert.cleared', 'lane-stalled:VIP', 60_000);
    expect(cleared.alert.id).toBe(opened.alert.id);
    expect(new Date(cleared.alert.clearedAt!).getTime()).toBeGreaterThan(new Date(cleared.alert.openedAt).getTime());
    await waitUntil(async () => sockets.every((s) => s.of(opened.alert.id, 'cleared').length === 1), 10_000, 'both sockets to hear it cleared');
    const { body } = await two.get('/pedidos/alerts?recent=50');
    expect(body.recent.find((a: { id: string }) => a.id === opened.alert.id)).toMatchObject({ key: 'lane-stalled:VIP', clearedAt: cleared.alert.clearedAt });
    // What the dashboard's banner asks for: the open ones only.
    expect((await two.get('/pedidos/alerts?recent=0')).body.recent).toEqual([]);

    expect((await waitForRunEnd(one, 180_000)).phase).toBe('DONE');
    expect(receiver.accepted('alert.open', 'lane-stalled:VIP').filter((d) => d.alert.id === opened.alert.id)).toHaveLength(1);
    expect(receiver.accepted('alert.cleared', 'lane-stalled:VIP').filter((d) => d.alert.id === opened.alert.id)).toHaveLength(1);
  });

  it('a run that ends in ERROR (another run holds its slot) raises run-error once, cleared by the reset that follows', async () => {
    const [one, two] = https;
    const started = await one.post('/pedidos/generate?quantity=20000');
    expect(started.status).toBe(202);
    const { runId } = started.body;
    // A run slot held by a run that does not exist: the driver's every step fails until the run is declared in ERROR.
    const slot = new RedisKeys(env.KEY_PREFIX).activeRun;
    await redis.set(slot, randomUUID());
    const failed = await waitForRunEnd(two, 180_000);
    expect(failed).toMatchObject({ lastRunId: runId, phase: 'ERROR' });

    const opened = await receiver.waitFor('alert.open', `run-error:${runId}`, 30_000);
    expect(opened.alert.message).toMatch(new RegExp(`^run ${runId} ended in ERROR: .*holds the run slot`));
    for (const http of https) expect((await openAlerts(http)).filter((a) => a.key === `run-error:${runId}`)).toMatchObject([{ id: opened.alert.id }]);
    await waitUntil(async () => sockets.every((s) => s.of(opened.alert.id, 'open').length === 1), 10_000, 'both sockets to get the alert');

    await redis.del(slot);
    expect((await two.post('/pedidos/reset')).status).toBe(200);
    const cleared = await receiver.waitFor('alert.cleared', `run-error:${runId}`, 30_000);
    expect(cleared.alert.id).toBe(opened.alert.id);
    expect(receiver.accepted('alert.open', `run-error:${runId}`)).toHaveLength(1);
    expect(receiver.accepted('alert.cleared', `run-error:${runId}`)).toHaveLength(1);
    await waitUntil(async () => (await openAlerts(one)).length === 0, 10_000, 'no alert left open');
  });
});
