/** When a consumer writes the batch it is filling: at `size` events or once its oldest event has waited `flushMs`. */
export interface BatchingPolicy {
  size: number;
  flushMs: number;
}

/** What a consumer should do with the events it holds now. */
export type FlushDecision = { flush: true; take: number; reason: 'size' | 'age' } | { flush: false; waitMs: number | null };

/**
 * Size or age, whichever comes first. `oldestAt` is when the oldest held event reached the consumer.
 * With nothing held there is nothing to wait for (`waitMs: null`).
 */
export function flushDecision(policy: BatchingPolicy, held: number, oldestAt: number | null, now: number): FlushDecision {
  if (held >= policy.size) return { flush: true, take: policy.size, reason: 'size' };
  if (held === 0 || oldestAt === null) return { flush: false, waitMs: null };
  const age = now - oldestAt;
  if (age >= policy.flushMs) return { flush: true, take: held, reason: 'age' };
  return { flush: false, waitMs: policy.flushMs - age };
}
