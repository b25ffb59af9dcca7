import fc from 'fast-check';
import { SeriesLimits, SeriesPoint, ThroughputSeries, closeSeries, halve, ratedPoints, recordSample, startSeries } from './throughput-series';

const limits: SeriesLimits = { maxPoints: 10, baseIntervalMs: 1_000 };

/** A run processing `vipPerSecond` VIP orders a second, sampled every `everyMs` for `seconds`. */
function recorded(seconds: number, everyMs: number, vipPerSecond: number, bounds = limits): ThroughputSeries {
  let series = startSeries(0, bounds);
  for (let at = everyMs; at <= seconds * 1_000; at += everyMs) {
    series = recordSample(series, { at, vip: Math.floor((at / 1_000) * vipPerSecond), normal: 0, failed: 0 }, bounds);
  }
  return series;
}

describe('recordSample', () => {
  it('adds a point once the interval has passed since the last one', () => {
    const series = recorded(5, 250, 100);
    expect(series.points.map((point) => point.at)).toEqual([0, 1_000, 2_000, 3_000, 4_000, 5_000]);
    expect(series.points[5]).toEqual({ at: 5_000, vip: 500, normal: 0, failed: 0 });
  });

  it('never lets processed counts go back, while failed follows the counters (a retry lowers it)', () => {
    let series = startSeries(0, limits);
    series = recordSample(series, { at: 1_000, vip: 300, normal: 0, failed: 7 }, limits);
    series = recordSample(series, { at: 2_000, vip: 100, normal: 20, failed: 0 }, limits);
    expect(series.points[2]).toEqual({ at: 2_000, vip: 300, normal: 20, failed: 0 });
  });

  it('stays within maxPoints however long the run, and spaces points evenly as it halves', () => {
    const long = recorded(3_600, 1_000, 50);
    expect(long.points.length).toBeLessThanOrEqual(limits.maxPoints);
    expect(long.points.length).toBeGreaterThanOrEqual(limits.maxPoints / 2);
    expect(long.points[0].at).toBe(0);
    const last = long.points[long.points.length - 1];
    // The recorder waits a whole interval before the next point; the run's final figures close the series (closeSeries).
    expect(3_600_000 - last.at).toBeLessThan(long.intervalMs);
    expect(last.vip).toBe(last.at / 20);
    const gaps = long.points.slice(1).map((point, index) => point.at - long.points[index].at);
    // Evenly spaced, but for the last interval (not full yet) and the first (the run's start kept as it is).
    expect(new Set(gaps.slice(1, -1)).size).toBe(1);
    expect(long.intervalMs).toBe(gaps[1]);
  });
});

describe('halve', () => {
  it('keeps the first and last points and every other one counted back from the last', () => {
    const points: SeriesPoint[] = [0, 1, 2, 3, 4, 5, 6].map((s) => ({ at: s * 1_000, vip: s * 10, normal: 0, failed: 0 }));
    expect(halve({ intervalMs: 1_000, points }).points.map((p) => p.at / 1_000)).toEqual([0, 2, 4, 6]);
    expect(halve({ intervalMs: 1_000, points: points.slice(0, 6) }).points.map((p) => p.at / 1_000)).toEqual([0, 1, 3, 5]);
    expect(halve({ intervalMs: 1_000, points }).intervalMs).toBe(2_000);
  });

  it('keeps the totals right: every point is a sample as it was taken, and the closed series adds up to the run', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.nat(1_000), fc.nat(1_000)), { minLength: 1, maxLength: 400 }), fc.integer({ min: 3, max: 50 }), (steps, maxPoints) => {
        const bounds = { maxPoints, baseIntervalMs: 1 };
        let series = startSeries(0, bounds);
        const taken = new Map<number, SeriesPoint>([[0, series.points[0]]]);
        let at = 0;
        let vip = 0;
        let normal = 0;
        for (const [gap, moreVip, moreNormal] of steps) {
          at += gap;
          vip += moreVip;
          normal += moreNormal;
          const sample = { at, vip, normal, failed: 0 };
          taken.set(at, sample);
          series = recordSample(series, sample, bounds);
          expect(series.points.length).toBeLessThanOrEqual(maxPoints);
        }
        // Merging drops points, never changes one: each kept point holds the counts of its moment.
        for (const point of series.points) expect(point).toEqual(taken.get(point.at));
        const closed = closeSeries(series, { at, vip, normal, failed: 0 }, bounds);
        expect(closed.points.length).toBeLessThanOrEqual(maxPoints);
        expect(closed.points[closed.points.length - 1]).toEqual({ at, vip, normal, failed: 0 });
        // The orders of the intervals sum to the totals, and each interval's rate times its length gives them back (within rounding).
        const intervals = closed.points.slice(1).map((point, index) => point.vip - closed.points[index].vip);
        expect(intervals.reduce((sum, n) => sum + n, 0)).toBe(vip);
        ratedPoints(closed.points)
          .slice(1)
          .forEach((point, index) => {
            const ms = point.at - closed.points[index].at;
            expect(Math.abs((point.vipPerSecond * ms) / 1_000 - intervals[index])).toBeLessThanOrEqual(ms / 2_000 + 1e-9);
          });
      }),
      { numRuns: 300 },
    );
  });
});

describe('closeSeries', () => {
  it('ends the series with the final figures, replacing points the recorder took from then on', () => {
    let series = recorded(4, 1_000, 100);
    series = closeSeries(series, { at: 2_500, vip: 260, normal: 40, failed: 1 }, limits);
    expect(series.points.map((point) => point.at)).toEqual([0, 1_000, 2_000, 2_500]);
    expect(series.points[3]).toEqual({ at: 2_500, vip: 260, normal: 40, failed: 1 });
  });

  it('stays within maxPoints', () => {
    const full = recorded(60, 1_000, 10);
    expect(closeSeries(full, { at: 60_500, vip: 605, normal: 0, failed: 0 }, limits).points.length).toBeLessThanOrEqual(limits.maxPoints);
  });
});

describe('ratedPoints', () => {
  it('gives each point the per-second rates of the interval it closes', () => {
    const rated = ratedPoints([
      { at: 0, vip: 0, normal: 0, failed: 0 },
      { at: 2_000, vip: 1_000, normal: 0, failed: 0 },
      { at: 2_500, vip: 1_000, normal: 400, failed: 0 },
    ]);
    expect(rated.map((point) => [point.vipPerSecond, point.normalPerSecond])).toEqual([
      [0, 0],
      [500, 0],
      [0, 800],
    ]);
  });
});
