import type { EventType, IntakeEvent } from '@pedidos/contract';

/** A shop-like mix: mostly views, some searches and carts, fewer purchases and logins. */
const TYPE_WEIGHTS: [EventType, number][] = [
  ['view', 50],
  ['search', 15],
  ['add_to_cart', 12],
  ['remove_from_cart', 5],
  ['purchase', 6],
  ['login', 6],
  ['logout', 6],
];
const WEIGHT_TOTAL = TYPE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
const CATEGORIES = ['books', 'games', 'garden', 'kitchen', 'sports'];
const USERS = 500;
const EVENTS_PER_SESSION = 20;

export function pickType(random: number): EventType {
  let left = random * WEIGHT_TOTAL;
  for (const [type, weight] of TYPE_WEIGHTS) {
    left -= weight;
    if (left < 0) return type;
  }
  return TYPE_WEIGHTS[TYPE_WEIGHTS.length - 1][0];
}

/** A short random id for one burst, from getRandomValues (crypto.randomUUID needs a secure context). */
export function newBurstId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Events `first`…`first + size - 1` of one burst. Each has its own `eventId` (`burst-<id>-<n>`), so the
 * events of a burst can be found in the database, and an event sent twice would be stored once.
 */
export function makeBurstEvents(
  { burstId, first, size, occurredAt, random = Math.random }: { burstId: string; first: number; size: number; occurredAt: string; random?: () => number },
): IntakeEvent[] {
  const events: IntakeEvent[] = [];
  for (let n = first; n < first + size; n++) {
    const eventType = pickType(random());
    const product = 1 + Math.floor(random() * 1000);
    const eventData: Record<string, unknown> =
      eventType === 'search'
        ? { source: 'dashboard-burst', query: `produto ${product}` }
        : eventType === 'login' || eventType === 'logout'
          ? { source: 'dashboard-burst' }
          : {
              source: 'dashboard-burst',
              productId: `p-${product}`,
              category: CATEGORIES[product % CATEGORIES.length],
              price: Math.round((5 + (product % 200) * 1.5) * 100) / 100,
            };
    events.push({
      eventId: `burst-${burstId}-${n}`,
      userId: `user-${1 + Math.floor(random() * USERS)}`,
      sessionId: `session-${burstId}-${Math.floor(n / EVENTS_PER_SESSION)}`,
      eventType,
      eventData,
      occurredAt,
    });
  }
  return events;
}
