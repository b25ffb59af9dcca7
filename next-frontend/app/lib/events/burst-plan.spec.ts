import { describe, expect, it } from 'vitest';
import { BURST_LIMITS, eventsDueBy, parseBurst, planBurst, plannedDurationMs, splitIntoRequests } from './burst-plan';

const total = (ticks: { size: number }[]) => ticks.reduce((sum, tick) => sum + tick.size, 0);

describe('planBurst', () => {
  it('sends the rate in chunks every 100 ms, starting at once', () => {
    const ticks = planBurst({ count: 1000, rate: 200 });
    expect(ticks[0]).toEqual({ atMs: 0, size: 20 });
    expect(ticks).toHaveLength(50);
    expect(ticks.every((tick) => tick.size === 20)).toBe(true);
    expect(ticks.at(-1)?.atMs).toBe(4900);
    expect(total(ticks)).toBe(1000);
  });

  it('sends exactly the count, with a smaller last chunk when the rate does not divide it', () => {
    const ticks = planBurst({ count: 1005, rate: 300 });
    expect(total(ticks)).toBe(1005);
    expect(ticks.at(-1)).toEqual({ atMs: 3300, size: 15 });
  });

  it('leaves out empty ticks at low rates and keeps the spacing of the rate', () => {
    const ticks = planBurst({ count: 3, rate: 4 });
    expect(ticks).toEqual([
      { atMs: 200, size: 1 },
      { atMs: 400, size: 1 },
      { atMs: 700, size: 1 },
    ]);
  });

  it('spreads fractional rates without drift', () => {
    const ticks = planBurst({ count: 1000, rate: 333 });
    expect(total(ticks)).toBe(1000);
    for (const tick of ticks.slice(0, -1)) expect(tick.size === 33 || tick.size === 34).toBe(true);
    // Cumulative sends never run ahead of the rate.
    let sent = 0;
    for (const tick of ticks) {
      sent += tick.size;
      expect(sent).toBeLessThanOrEqual(eventsDueBy({ count: 1000, rate: 333 }, tick.atMs + 100));
    }
  });

  it('is bounded: the largest allowed burst has at most duration/tick ticks', () => {
    const settings = { count: BURST_LIMITS.maxCount, rate: 1000 };
    const ticks = planBurst(settings);
    expect(ticks.length).toBeLessThanOrEqual(plannedDurationMs(settings) / 100);
    expect(total(ticks)).toBe(BURST_LIMITS.maxCount);
  });
});

describe('splitIntoRequests', () => {
  it('keeps each request under the limit', () => {
    expect(splitIntoRequests(537, 250)).toEqual([250, 250, 37]);
    expect(splitIntoRequests(250, 250)).toEqual([250]);
    expect(splitIntoRequests(0, 250)).toEqual([]);
  });
});

describe('parseBurst', () => {
  it('accepts grouped digits of either language', () => {
    expect(parseBurst('2.000', '1,500')).toEqual({ ok: true, settings: { count: 2000, rate: 1500 } });
  });

  it('names the field that is out of bounds', () => {
    expect(parseBurst('0', '10')).toEqual({ ok: false, error: 'count' });
    expect(parseBurst(String(BURST_LIMITS.maxCount + 1), '10')).toEqual({ ok: false, error: 'count' });
    expect(parseBurst('100', 'abc')).toEqual({ ok: false, error: 'rate' });
    expect(parseBurst('100', String(BURST_LIMITS.maxRate + 1))).toEqual({ ok: false, error: 'rate' });
    // 100,000 events at 1/s would take more than a day.
    expect(parseBurst('100000', '1')).toEqual({ ok: false, error: 'duration' });
  });
});
