import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AlertChange } from '../../domain/alerts/alert';
import { AlertWebhook } from '../../domain/alerts/ports/alert-webhook.port';
import { AlertSettings } from '../../application/alerts/alert-settings';
import { Environment } from '../config/environment';

/** Deliveries waiting beyond this many are dropped, oldest first (a receiver down for hours must not fill the memory). */
const MAX_WAITING = 500;
const MAX_BACKOFF_MS = 60_000;
/** How long a shutdown waits for the delivery under way. */
const SHUTDOWN_GRACE_MS = 3_000;

interface Delivery {
  id: string;
  event: string;
  body: string;
}

/** The JSON body of one delivery; `text` is the alert as one sentence, the field chat tools' incoming webhooks show. */
export function webhookBody(change: AlertChange, deployment: string, deliveryId: string): Record<string, unknown> {
  const { alert } = change;
  const text = change.state === 'open' ? `[${alert.severity}] ${alert.message}` : `[cleared] ${alert.message}`;
  return { event: `alert.${change.state}`, deliveryId, deployment, sentAt: new Date().toISOString(), text, alert };
}

/**
 * POSTs every alert change to ALERT_WEBHOOK_URL, one at a time in the order they happened (an open before its
 * clear). Each delivery gets `ALERT_WEBHOOK_TIMEOUT_MS` per attempt and is retried on network errors, timeouts,
 * 408, 429 and 5xx with exponential backoff, `ALERT_WEBHOOK_RETRIES` times; other answers are final. `send`
 * only puts the change in memory, so the pipeline never waits for the receiver; what is waiting when the
 * process stops is lost (the alert stays in `GET /pedidos/alerts`).
 */
@Injectable()
export class HttpAlertWebhook extends AlertWebhook implements OnApplicationShutdown {
  private readonly logger = new Logger('AlertWebhook');
  private readonly waiting: Delivery[] = [];
  private delivering: Promise<void> | null = null;
  private stopping = new AbortController();

  constructor(
    private readonly settings: AlertSettings,
    private readonly env: Environment,
  ) {
    super();
  }

  get configured(): boolean {
    return this.settings.webhook.url !== null;
  }

  send(change: AlertChange): void {
    if (!this.configured || this.stopping.signal.aborted) return;
    const id = randomUUID();
    this.waiting.push({ id, event: `alert.${change.state}`, body: JSON.stringify(webhookBody(change, this.env.KEY_PREFIX, id)) });
    if (this.waiting.length > MAX_WAITING) {
      const dropped = this.waiting.shift()!;
      this.logger.warn(`alert webhook: ${MAX_WAITING} deliveries waiting, dropped the oldest (${dropped.event} ${dropped.id})`);
    }
    this.delivering ??= this.deliverAll().finally(() => (this.delivering = null));
  }

  async onApplicationShutdown(): Promise<void> {
    const under = this.delivering;
    if (!under) return this.stopping.abort();
    await Promise.race([under, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
    this.stopping.abort();
  }

  /** Resolves once everything handed over so far was delivered or given up (for tests). */
  async idle(): Promise<void> {
    while (this.delivering) await this.delivering;
  }

  private async deliverAll(): Promise<void> {
    for (let next = this.waiting.shift(); next && !this.stopping.signal.aborted; next = this.waiting.shift()) await this.deliver(next);
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { url, timeoutMs, attempts, backoffMs } = this.settings.webhook;
    let problem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await fetch(url!, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'pedidos-alerts/1',
            'x-pedidos-event': delivery.event,
            'x-pedidos-delivery': delivery.id,
            'x-pedidos-attempt': String(attempt),
          },
          body: delivery.body,
          redirect: 'manual',
          signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), this.stopping.signal]),
        });
        await response.body?.cancel().catch(() => undefined);
        if (response.ok) return;
        problem = `HTTP ${response.status}`;
        if (!retryable(response.status)) break;
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        problem = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : describe(error);
      }
      if (attempt < attempts) {
        const waitMs = Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
        this.logger.warn(`alert webhook: ${delivery.event} ${delivery.id} attempt ${attempt}/${attempts} failed (${problem}); again in ${waitMs} ms`);
        await sleep(waitMs, this.stopping.signal);
      }
    }
    this.logger.error(`alert webhook: ${delivery.event} ${delivery.id} not delivered (${problem}); the alert stays listed in GET /pedidos/alerts`);
  }
}

function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** Waits `ms`, or less if the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
