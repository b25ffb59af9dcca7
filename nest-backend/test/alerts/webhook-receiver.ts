import { once } from 'node:events';
import { IncomingMessage, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { waitUntil } from '../support/wait-until';

export interface Delivery {
  event: string;
  deliveryId: string;
  attempt: number;
  /** The status this receiver answered. */
  answered: number;
  alert: { id: string; key: string; kind: string; message: string; runId: string | null; details: Record<string, unknown>; openedAt: string; clearedAt: string | null };
}

/** A local HTTP receiver for ALERT_WEBHOOK_URL that records every request and can refuse the next ones with 503. */
export class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  private refusals: { left: number; matches: (body: any) => boolean } = { left: 0, matches: () => false };

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request: IncomingMessage, response) => {
      let raw = '';
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        const body = JSON.parse(raw);
        const refused = receiver.refusals.left > 0 && receiver.refusals.matches(body);
        if (refused) receiver.refusals.left--;
        const answered = refused ? 503 : 200;
        receiver.deliveries.push({ event: body.event, deliveryId: body.deliveryId, attempt: Number(request.headers['x-pedidos-attempt']), answered, alert: body.alert });
        response.statusCode = answered;
        response.end();
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/alerts`;
  }

  /** The next `count` requests whose body `matches` get 503 (others are accepted meanwhile). */
  refuseNext(count: number, matches: (body: any) => boolean = () => true): void {
    this.refusals = { left: count, matches };
  }

  /** Deliveries this receiver accepted (200), optionally of one event and key. */
  accepted(event?: 'alert.open' | 'alert.cleared', key?: string): Delivery[] {
    return this.deliveries.filter((d) => d.answered === 200 && (!event || d.event === event) && (!key || d.alert.key === key));
  }

  /** Waits until a delivery of `event` for `key` (of an alert opened at `openedSince` or later) was accepted, and returns the first. */
  waitFor(event: 'alert.open' | 'alert.cleared', key: string | RegExp, timeoutMs: number, openedSince = 0): Promise<Delivery> {
    const matches = (d: Delivery) => (typeof key === 'string' ? d.alert.key === key : key.test(d.alert.key)) && Date.parse(d.alert.openedAt) >= openedSince;
    return waitUntil(async () => this.accepted(event).find(matches) ?? null, timeoutMs, `the webhook to receive ${event} ${key}`, 50).then((delivery) => delivery!);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
  }
}
