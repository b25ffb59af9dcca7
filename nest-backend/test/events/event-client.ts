import { randomUUID } from 'node:crypto';
import { RawAnswer, rawRequest } from '../support/raw-request';
import { waitUntil } from '../support/running-api';

export const EVENT_TYPES = ['view', 'search', 'add_to_cart', 'remove_from_cart', 'purchase', 'login', 'logout'] as const;

/** A valid event as a shop would send it; `overrides` replace or add fields. */
export function anEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: randomUUID(),
    userId: `user-${Math.floor(Math.random() * 1000)}`,
    eventType: EVENT_TYPES[Math.floor(Math.random() * EVENT_TYPES.length)],
    sessionId: `session-${Math.floor(Math.random() * 100)}`,
    eventData: { productId: `p-${Math.floor(Math.random() * 500)}`, price: 19.9 },
    occurredAt: new Date().toISOString(),
    ...overrides,
  };
}

const JSON_HEADERS = { 'content-type': 'application/json' };

export function postEvent(url: string, event: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return rawRequest(url, 'POST', '/events', { headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(event) });
}

export function postBatch(url: string, events: unknown[], headers: Record<string, string> = {}): Promise<RawAnswer> {
  return rawRequest(url, 'POST', '/events/batch', { headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify({ events }) });
}

export async function eventMetrics(url: string): Promise<any> {
  return (await rawRequest(url, 'GET', '/events/metrics')).body;
}

/** Waits until the metrics say nothing is left in the queue and `stored + duplicates + deadLettered` covers `accepted`. */
export function waitForSettled(url: string, accepted: number, timeoutMs = 120_000): Promise<any> {
  return waitUntil(
    async () => {
      const metrics = await eventMetrics(url);
      return metrics.accepted === accepted && metrics.inQueue === 0 && metrics.batches.current.size === 0 ? metrics : null;
    },
    timeoutMs,
    `${accepted} accepted events to be settled`,
  );
}
