const EVENT_TYPES = ['view', 'search', 'add_to_cart', 'remove_from_cart', 'purchase', 'login', 'logout'] as const;
const REQUEST_TIMEOUT_MS = 10_000;
const RETRY_PAUSE_MS = 100;

export interface TrafficPlan {
  /** Events to send in all (each one is sent until it gets a 202 or the time runs out). */
  events: number;
  /** Concurrent clients. */
  clients: number;
  /** Events per `POST /events/batch`; every `singleEvery`-th request of a client is a single `POST /events` instead. */
  batchSize: number;
  singleEvery: number;
  /** Pause of each client between requests (bounds the rate on a shared machine). */
  pauseMs: number;
  /** Nothing more is sent after this long, answered or not. */
  timeoutMs: number;
  /** Prefix of every eventId, so the events of one suite are told apart. */
  tag: string;
  /** Extra fields for the event of index i (e.g. a poison payload); undefined keeps the default. */
  eventData?: (index: number) => Record<string, unknown> | undefined;
}

export interface TrafficOutcome {
  /** eventIds answered 202 (each at least once). */
  accepted: Set<string>;
  /** eventIds never answered 202 whose last attempt got no answer or a 5xx: each may or may not be stored, never twice. */
  uncertain: Set<string>;
  /** eventIds never answered 202 when the traffic stopped. */
  unsent: number;
  /** Requests by outcome: HTTP status, or `network` for a failed connection. */
  answers: Record<string, number>;
  /** Requests re-sent with the same eventIds after a failure (client retries). */
  retries: number;
}

/** One event of the contract with a known eventId. */
export function makeEvent(tag: string, index: number, eventData?: Record<string, unknown>) {
  const eventType = EVENT_TYPES[index % EVENT_TYPES.length];
  return {
    eventId: `${tag}-${index}`,
    userId: `user-${index % 97}`,
    sessionId: `session-${index % 31}`,
    eventType,
    occurredAt: new Date().toISOString(),
    eventData: eventData ?? { productId: `p-${index % 50}`, price: (index % 100) + 0.5 },
  };
}

/**
 * Bounded concurrent intake traffic over HTTP, as shop clients send it: batches and single events,
 * each request re-sent with the same eventIds until it gets a 202 (a client retry, which the
 * idempotency key must absorb). Tracks which eventIds were accepted, so a fault test can check
 * every one of them is stored exactly once.
 */
export class EventTraffic {
  private readonly outcome: TrafficOutcome = { accepted: new Set(), uncertain: new Set(), unsent: 0, answers: {}, retries: 0 };
  private next = 0;
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly baseUrl: () => string,
    private readonly plan: TrafficPlan,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** eventIds answered 202 so far. */
  get acceptedCount(): number {
    return this.outcome.accepted.size;
  }

  get answers(): Readonly<Record<string, number>> {
    return this.outcome.answers;
  }

  start(): this {
    const deadline = Date.now() + this.plan.timeoutMs;
    this.running = Promise.all(Array.from({ length: this.plan.clients }, (_, client) => this.client(client, deadline))).then(() => undefined);
    return this;
  }

  /** Waits until `count` events were accepted (bounded), e.g. to strike once the load is under way. */
  async acceptedAtLeast(count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.outcome.accepted.size < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.outcome.accepted.size} of ${count} events accepted within ${timeoutMs} ms; answers ${JSON.stringify(this.outcome.answers)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits for every event to be sent and answered (or the plan's time to run out). */
  async finished(): Promise<TrafficOutcome> {
    await this.running;
    return this.outcome;
  }

  /** Stops sending new requests and waits for the ones in flight. */
  async stop(): Promise<TrafficOutcome> {
    this.stopped = true;
    return this.finished();
  }

  private async client(client: number, deadline: number): Promise<void> {
    for (let request = 0; !this.stopped && Date.now() < deadline; request++) {
      const single = this.plan.singleEvery > 0 && request % this.plan.singleEvery === client % this.plan.singleEvery;
      const size = Math.min(single ? 1 : this.plan.batchSize, this.plan.events - this.next);
      if (size <= 0) return;
      const first = this.next;
      this.next += size;
      const events = Array.from({ length: size }, (_, i) => makeEvent(this.plan.tag, first + i, this.plan.eventData?.(first + i)));
      const body = JSON.stringify(single ? events[0] : { events });
      const ids = events.map((event) => event.eventId);
      const accepted = await this.sendUntilAccepted(single ? '/events' : '/events/batch', body, ids, deadline);
      if (!accepted) this.outcome.unsent += ids.length;
      if (this.plan.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, this.plan.pauseMs));
    }
  }

  private async sendUntilAccepted(path: string, body: string, ids: string[], deadline: number): Promise<boolean> {
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      if (attempt > 0) this.outcome.retries++;
      const status = await this.post(path, body);
      this.outcome.answers[status] = (this.outcome.answers[status] ?? 0) + 1;
      // No answer, or a server error after which part of a batch may have been queued: maybe stored, never twice.
      if (status === 'network' || status.startsWith('5')) ids.forEach((id) => this.outcome.uncertain.add(id));
      if (status === '202') {
        ids.forEach((id) => {
          this.outcome.accepted.add(id);
          this.outcome.uncertain.delete(id);
        });
        return true;
      }
      if (status === '400') throw new Error(`the API rejected a valid ${path} body with 400`);
      if (this.stopped) return false;
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    }
    return false;
  }

  private async post(path: string, body: string): Promise<string> {
    try {
      const response = await fetch(`${this.baseUrl()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.headers },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      return String(response.status);
    } catch {
      return 'network';
    }
  }
}
