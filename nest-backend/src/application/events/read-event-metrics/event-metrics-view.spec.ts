import { EventMetricsState } from '../../../domain/events/ports/event-metrics-store.port';
import { eventMetricsView } from './event-metrics-view';

const NOW = Date.parse('2026-12-01T10:00:00.000Z');
const POLICY = { size: 1000, flushMs: 500 };

function state(overrides: Partial<EventMetricsState> = {}): EventMetricsState {
  return {
    accepted: 0, stored: 0, duplicates: 0, deadLettered: 0, batchesStored: 0, storedByType: {},
    since: null, lastAcceptedAt: null, lastStoredAt: null, sample: [], recent: [], timeline: {}, current: {},
    ...overrides,
  };
}

describe('eventMetricsView', () => {
  it('is all zeros and nulls before any event', () => {
    const view = eventMetricsView(state(), POLICY, NOW);
    expect(view).toMatchObject({ accepted: 0, inQueue: 0, since: null, rates: { acceptedPerSec: 0, storedPerSec: 0, acceptedAvgPerSec: 0, storedAvgPerSec: 0 } });
    expect(view.batches).toEqual({ stored: 0, current: { size: 0, ageMs: 0, limit: 1000, flushMs: 500 }, sizeP50: null, sizeP99: null, writeMsP50: null, writeMsP99: null, recent: [] });
    expect(Object.values(view.byType)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('sums the batches consumers are filling, ignoring consumers silent for long (killed)', () => {
    const current = {
      a: { size: 10, oldestAt: NOW - 300, updatedAt: NOW - 100 },
      b: { size: 5, oldestAt: NOW - 100, updatedAt: NOW - 50 },
      c: { size: 0, oldestAt: null, updatedAt: NOW },
      dead: { size: 700, oldestAt: NOW - 90_000, updatedAt: NOW - 90_000 },
    };
    expect(eventMetricsView(state({ current }), POLICY, NOW).batches.current).toEqual({ size: 15, ageMs: 300, limit: 1000, flushMs: 500 });
  });

  it('averages from the first to the latest event, so they hold still while idle; backlog and ISO dates', () => {
    const since = NOW - 60_000;
    const view = eventMetricsView(state({ accepted: 1000, stored: 900, duplicates: 50, since, lastAcceptedAt: since + 10_000, lastStoredAt: since + 9_000 }), POLICY, NOW);
    expect(view.rates.acceptedAvgPerSec).toBe(100);
    expect(view.rates.storedAvgPerSec).toBe(100);
    expect(view.inQueue).toBe(50);
    expect(view.since).toBe(new Date(since).toISOString());
    expect(eventMetricsView(state({ accepted: 1000, stored: 900, duplicates: 50, since, lastAcceptedAt: since + 10_000, lastStoredAt: since + 9_000 }), POLICY, NOW + 3_600_000).rates.acceptedAvgPerSec).toBe(100);
  });
});
