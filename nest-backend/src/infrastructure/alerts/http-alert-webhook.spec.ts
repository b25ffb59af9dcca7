import { once } from 'node:events';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { AlertChange } from '../../domain/alerts/alert';
import { AlertSettings } from '../../application/alerts/alert-settings';
import { Environment } from '../config/environment';
import { HttpAlertWebhook } from './http-alert-webhook';

interface Received {
  headers: IncomingMessage['headers'];
  body: any;
  at: number;
}

/** A real HTTP receiver on a loopback port; `answer` decides each response (status, or 'hang'). */
async function receiver(answer: (n: number) => number | 'hang'): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: JSON.parse(raw), at: Date.now() });
      const status = answer(received.length);
      if (status === 'hang') return;
      response.statusCode = status;
      response.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

function settings(url: string, webhook: Partial<AlertSettings['webhook']> = {}): AlertSettings {
  return new AlertSettings({
    checkEveryMs: 1_000,
    stallAfterMs: 0,
    vipDeadlineMs: 0,
    deadLettersAtLeast: 0,
    queueUnreachableAfterMs: 0,
    databaseUnreachableAfterMs: 0,
    recentKept: 100,
    evaluate: true,
    webhook: { url, timeoutMs: 1_000, attempts: 4, backoffMs: 100, ...webhook },
  });
}

const env = { KEY_PREFIX: 'pedidos-test' } as Environment;

function change(state: AlertChange['state'], id = 'alert-1'): AlertChange {
  return {
    state,
    alert: {
      id,
      key: 'lane-stalled:VIP',
      kind: 'lane-stalled',
      severity: 'warning',
      message: 'VIP lane of run r made no progress for 300 s while it has work, in WAITING_VIP_DRAIN',
      runId: 'r',
      lane: 'VIP',
      details: { stalledForS: 300 },
      openedAt: new Date('2026-12-02T10:00:00Z'),
      clearedAt: state === 'cleared' ? new Date('2026-12-02T10:05:00Z') : null,
    },
  };
}

describe('HttpAlertWebhook', () => {
  const servers: Server[] = [];
  const webhooks: HttpAlertWebhook[] = [];

  afterEach(async () => {
    await Promise.all(webhooks.splice(0).map((webhook) => webhook.onApplicationShutdown()));
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });

  async function setUp(answer: (n: number) => number | 'hang', webhook: Partial<AlertSettings['webhook']> = {}) {
    const target = await receiver(answer);
    servers.push(target.server);
    const sender = new HttpAlertWebhook(settings(target.url, webhook), env);
    webhooks.push(sender);
    return { ...target, sender };
  }

  it('POSTs the change as JSON with its event, delivery id and attempt, readable by chat webhooks', async () => {
    const { sender, received } = await setUp(() => 204);
    sender.send(change('open'));
    await sender.idle();
    expect(received).toHaveLength(1);
    const [{ headers, body }] = received;
    expect(headers).toMatchObject({ 'content-type': 'application/json', 'x-pedidos-event': 'alert.open', 'x-pedidos-attempt': '1' });
    expect(body).toMatchObject({
      event: 'alert.open',
      deliveryId: headers['x-pedidos-delivery'],
      deployment: 'pedidos-test',
      text: '[warning] VIP lane of run r made no progress for 300 s while it has work, in WAITING_VIP_DRAIN',
      alert: { id: 'alert-1', key: 'lane-stalled:VIP', openedAt: '2026-12-02T10:00:00.000Z', clearedAt: null, details: { stalledForS: 300 } },
    });
  });

  it('retries a receiver that fails first, with the same delivery id and a growing backoff', async () => {
    const { sender, received } = await setUp((n) => (n <= 2 ? 503 : 200));
    sender.send(change('open'));
    await sender.idle();
    expect(received.map((r) => r.headers['x-pedidos-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(received.map((r) => r.headers['x-pedidos-delivery'])).size).toBe(1);
    expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(95);
    expect(received[2].at - received[1].at).toBeGreaterThanOrEqual(195);
  });

  it('an answer that never comes counts as a failure after the timeout, and the next attempt is made', async () => {
    const { sender, received } = await setUp((n) => (n === 1 ? 'hang' : 200), { timeoutMs: 300 });
    sender.send(change('open'));
    await sender.idle();
    expect(received).toHaveLength(2);
    expect(received[1].headers['x-pedidos-attempt']).toBe('2');
    expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(300);
  });

  it('gives up after its attempts, and does not retry an answer that will not change (400)', async () => {
    const failing = await setUp(() => 500, { attempts: 3, backoffMs: 10 });
    failing.sender.send(change('open'));
    await failing.sender.idle();
    expect(failing.received).toHaveLength(3);

    const refusing = await setUp(() => 400);
    refusing.sender.send(change('open'));
    await refusing.sender.idle();
    expect(refusing.received).toHaveLength(1);
  });

  it('send returns at once whatever the receiver does, and deliveries keep their order (an open before its clear)', async () => {
    const { sender, received } = await setUp((n) => (n === 1 ? 503 : 200), { backoffMs: 200 });
    const started = performance.now();
    sender.send(change('open'));
    sender.send(change('cleared'));
    expect(performance.now() - started).toBeLessThan(20);
    await sender.idle();
    expect(received.map((r) => `${r.body.event} ${r.headers['x-pedidos-attempt']}`)).toEqual(['alert.open 1', 'alert.open 2', 'alert.cleared 1']);
  });

  it('without ALERT_WEBHOOK_URL nothing is sent', async () => {
    const sender = new HttpAlertWebhook(settings(null as unknown as string), env);
    expect(sender.configured).toBe(false);
    sender.send(change('open'));
    await sender.idle();
  });
});
