import { describe, expect, it } from 'vitest';
import { makeBurstEvents, newBurstId, pickType } from './burst-events';
import { EVENT_TYPES } from '@pedidos/contract';

/** A repeatable stand-in for Math.random. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('makeBurstEvents', () => {
  it('numbers the events of a burst, each a valid intake event', () => {
    const events = makeBurstEvents({ burstId: 'abc', first: 40, size: 3, occurredAt: '2026-12-01T00:00:00.000Z', random: seeded(1) });
    expect(events.map((event) => event.eventId)).toEqual(['burst-abc-40', 'burst-abc-41', 'burst-abc-42']);
    for (const event of events) {
      expect(EVENT_TYPES).toContain(event.eventType);
      expect(event.userId).toMatch(/^user-\d+$/);
      expect(event.sessionId).toBe('session-abc-2');
      expect(event.eventData?.source).toBe('dashboard-burst');
      expect(event.occurredAt).toBe('2026-12-01T00:00:00.000Z');
    }
  });

  it('mixes every type, views the most', () => {
    const events = makeBurstEvents({ burstId: 'x', first: 0, size: 5000, occurredAt: 'now', random: seeded(7) });
    const counts = new Map<string, number>();
    for (const event of events) counts.set(event.eventType, (counts.get(event.eventType) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...EVENT_TYPES].sort());
    expect(Math.max(...counts.values())).toBe(counts.get('view'));
  });
});

describe('pickType and newBurstId', () => {
  it('covers the ends of the random range', () => {
    expect(pickType(0)).toBe('view');
    expect(pickType(0.999999)).toBe('logout');
  });

  it('makes a different hex id each time', () => {
    expect(newBurstId()).toMatch(/^[0-9a-f]{12}$/);
    expect(newBurstId()).not.toBe(newBurstId());
  });
});
