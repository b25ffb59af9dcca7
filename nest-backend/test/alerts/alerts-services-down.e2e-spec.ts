import { freePort } from '@pedidos/processes';
import { Environment } from '../../src/infrastructure/config/environment';
import { ApiServerProcess } from '../support/backend-process';
import { OwnFerretDb, OwnRedis } from '../support/own-services';
import { Http, httpClient, waitUntil } from '../support/running-api';
import { databaseNameOf, dropTestData, testEnvironment } from '../support/test-environment';
import { AlertSockets } from './alert-sockets';
import { WebhookReceiver } from './webhook-receiver';

/**
 * An API on a Redis and a FerretDB of the test's own, so the test can stop each. The alert that one of them is
 * unreachable must not depend on it: the webhook and the sockets of the evaluating API get it while it is down.
 */
describe('alerts: Redis and the database unreachable for longer than their thresholds', () => {
  let receiver: WebhookReceiver;
  let redis: OwnRedis;
  let ferret: OwnFerretDb;
  let env: Environment;
  let api: ApiServerProcess;
  let http: Http;
  let sockets: AlertSockets;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    redis = new OwnRedis(await freePort());
    await redis.start();
    ferret = new OwnFerretDb(await freePort(), 'pedidos_faults_test');
    await ferret.start();
    const settings = {
      REDIS_URL: redis.url,
      QUEUE_UNREACHABLE_ALERT_S: '2',
      DATABASE_UNREACHABLE_ALERT_S: '2',
      ALERT_CHECK_EVERY_MS: '250',
      ALERT_WEBHOOK_URL: receiver.url,
      ALERT_WEBHOOK_BACKOFF_MS: '200',
      // Few connections: this FerretDB shares PostgreSQL with the suite's own.
      ORDERS_QUEUE_CONCURRENCY: '2',
    };
    env = testEnvironment('alerts_down', { ...settings, MONGO_URI: ferret.uri(databaseNameOf(testEnvironment('alerts_down'))) });
    api = new ApiServerProcess(env, await freePort());
    await api.startServing();
    http = httpClient(() => api.url);
    sockets = await AlertSockets.connect(api.url);
  });

  afterAll(async () => {
    sockets?.close();
    await api?.stop('SIGKILL');
    if (ferret && !ferret.running) await ferret.start().catch(() => undefined);
    if (env && ferret?.running) await dropTestData({ ...env, REDIS_URL: redis.running ? redis.url : env.REDIS_URL }).catch(() => undefined);
    await ferret?.stop('SIGKILL');
    await redis?.destroy();
    await receiver?.close();
  });

  it('Redis killed: queue-unreachable reaches the webhook, the sockets and GET /pedidos/alerts while Redis is down, and clears when it is back', async () => {
    await redis.stop('SIGKILL');
    const opened = await receiver.waitFor('alert.open', 'queue-unreachable', 30_000);
    expect(redis.running).toBe(false);
    expect(opened.alert).toMatchObject({ kind: 'queue-unreachable', details: { thresholdS: 2 } });
    await waitUntil(async () => sockets.of(opened.alert.id, 'open').length === 1, 10_000, 'the socket to get the alert');
    // The shared record lives in Redis: the evaluating process answers from its own view meanwhile.
    const during = await http.get('/pedidos/alerts');
    expect(during.body).toMatchObject({ source: 'local', open: [{ id: opened.alert.id, key: 'queue-unreachable' }] });

    await redis.start();
    const cleared = await receiver.waitFor('alert.cleared', 'queue-unreachable', 30_000);
    expect(cleared.alert.id).toBe(opened.alert.id);
    await waitUntil(async () => sockets.of(opened.alert.id, 'cleared').length === 1, 30_000, 'the socket to hear it cleared');
    // What was decided while Redis was down is written once it answers.
    const after = await waitUntil(async () => {
      const { body } = await http.get('/pedidos/alerts');
      return body?.source === 'store' && body.recent.some((alert: { id: string }) => alert.id === opened.alert.id) ? body : null;
    }, 30_000, 'the cleared alert in the shared record');
    expect(after.open).toEqual([]);
    expect(receiver.accepted('alert.open', 'queue-unreachable')).toHaveLength(1);
  });

  it('the database server stopped: database-unreachable opens while it is down and clears when it is back', async () => {
    await ferret.stop('SIGKILL');
    // The driver notices at its next heartbeat (every 10 s) or failed operation, then the 2 s threshold.
    const opened = await receiver.waitFor('alert.open', 'database-unreachable', 60_000);
    expect(ferret.running).toBe(false);
    expect(opened.alert.message).toMatch(/^the database \(MongoDB\) has been unreachable for \d+ s$/);
    expect((await http.get('/pedidos/alerts')).body.open).toMatchObject([{ id: opened.alert.id }]);

    await ferret.start();
    const cleared = await receiver.waitFor('alert.cleared', 'database-unreachable', 60_000);
    expect(cleared.alert.id).toBe(opened.alert.id);
    expect(receiver.accepted('alert.open', 'database-unreachable')).toHaveLength(1);
  });
});
