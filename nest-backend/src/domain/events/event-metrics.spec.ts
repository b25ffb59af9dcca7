import { backlog, percentile, rateOverWindow, storedIn, timelineFromFields } from './event-metrics';
import { countsByType } from './interaction-event';

describe('percentile (nearest rank)', () => {
  it('is null for an empty sample and the value itself for one value', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 99)).toBe(7);
  });

  it('takes the nearest rank of the sorted sample, whatever the order given', () => {
    const sample = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(sample, 50)).toBe(5);
    expect(percentile(sample, 90)).toBe(9);
    expect(percentile(sample, 99)).toBe(10);
    expect(percentile(sample, 0)).toBe(1);
    expect(sample[0]).toBe(5);
  });

  it('of 1..1000 gives p50 = 500 and p99 = 990', () => {
    const sample = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect([percentile(sample, 50), percentile(sample, 99)]).toEqual([500, 990]);
  });
});

describe('timeline and rates', () => {
  const now = Date.parse('2026-12-01T10:00:10.400Z');
  const second = Math.floor(now / 1000);
  const fields = {
    [`${second}:a`]: '50',
    [`${second}:s:view`]: '30',
    [`${second}:s:purchase`]: '5',
    [`${second - 4}:a`]: '100',
    [`${second - 4}:s:view`]: '100',
    [`${second - 5}:a`]: '1000',
    [`${second - 300}:a`]: '9',
    [`${second - 299}:s:login`]: '2',
    trimmed: String(second - 301),
  };

  it('rebuilds the seconds of the last 300 s, oldest first, ignoring other fields', () => {
    const seconds = timelineFromFields(fields, now);
    expect(seconds.map((entry) => entry.second - second)).toEqual([-299, -5, -4, 0]);
    expect(seconds[3]).toEqual({ second, accepted: 50, stored: { ...countsByType(), view: 30, purchase: 5 } });
    expect(storedIn(seconds[3])).toBe(35);
  });

  it('rates over the last 5 s include the current second and drop what is older', () => {
    const seconds = timelineFromFields(fields, now);
    // seconds −4..0 are inside the window: (100 + 50) accepted over 5 s; the 1,000 at −5 are not.
    expect(rateOverWindow(seconds, (entry) => entry.accepted, 5_000, now)).toBe(30);
    expect(rateOverWindow(seconds, storedIn, 5_000, now)).toBe(27);
    expect(rateOverWindow(seconds, (entry) => entry.accepted, 5_000, now + 10_000)).toBe(0);
  });
});

describe('backlog', () => {
  it('is what was accepted and is neither stored, a duplicate nor a dead letter, never below 0', () => {
    expect(backlog({ accepted: 100, stored: 60, duplicates: 10, deadLettered: 5 })).toBe(25);
    expect(backlog({ accepted: 10, stored: 12, duplicates: 0, deadLettered: 0 })).toBe(0);
  });
});
