import { describe, expect, it } from 'vitest';
import { acceptedLine, axisSeconds, plotArea, shapeTimeline, stackedBands } from './event-series';
import { EVENT_TYPES, type CountsByType, type TimelinePoint } from '@pedidos/contract';

const at = (second: number) => new Date(Date.UTC(2026, 11, 1, 23, 0, second)).toISOString();
const point = (second: number, some: CountsByType, accepted = 0): TimelinePoint => ({
  at: at(second),
  accepted,
  stored: Object.values(some).reduce((sum, n) => sum + (n ?? 0), 0),
  byType: Object.fromEntries(EVENT_TYPES.map((type) => [type, some[type] ?? 0])) as TimelinePoint['byType'],
});

describe('shapeTimeline', () => {
  it('has no series before the first event', () => {
    expect(shapeTimeline(undefined)).toBeNull();
    expect(shapeTimeline({ intervalMs: 1000, points: [] })).toBeNull();
  });

  it('ends the window at the newest second and keeps only the window', () => {
    const points = Array.from({ length: 20 }, (_, i) => point(i, { view: i }));
    const series = shapeTimeline({ intervalMs: 1000, points }, { minSeconds: 5, maxSeconds: 10 })!;
    expect(series.t1).toBe(Date.parse(at(19)));
    expect(series.t0).toBe(Date.parse(at(9)));
    expect(series.windowSeconds).toBe(10);
    expect(series.points.map((p) => p.byType[0])).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('spans the points it has, but never less than the minimum window', () => {
    const points = Array.from({ length: 8 }, (_, i) => point(i, { view: 1 }));
    expect(shapeTimeline({ intervalMs: 1000, points }, { minSeconds: 5, maxSeconds: 10 })!.windowSeconds).toBe(7);
    expect(shapeTimeline({ intervalMs: 1000, points }, { minSeconds: 60, maxSeconds: 180 })!.windowSeconds).toBe(60);
  });

  it('orders types as EVENT_TYPES and counts a missing type as zero', () => {
    const series = shapeTimeline({ intervalMs: 1000, points: [point(0, { purchase: 2, view: 5 })] })!;
    expect(series.points[0].byType).toEqual([5, 0, 0, 0, 2, 0, 0]);
  });

  it('drops to zero over seconds the server left out', () => {
    const series = shapeTimeline({ intervalMs: 1000, points: [point(0, { view: 4 }), point(5, { view: 6 })] })!;
    expect(series.points.map((p) => [(p.t - Date.parse(at(0))) / 1000, p.byType[0]])).toEqual([
      [0, 4],
      [1, 0],
      [4, 0],
      [5, 6],
    ]);
  });

  it('scales to a round ceiling above the larger of stored and accepted', () => {
    expect(shapeTimeline({ intervalMs: 1000, points: [point(0, { view: 120, search: 30 }, 180)] })!.yMax).toBe(200);
    expect(shapeTimeline({ intervalMs: 1000, points: [point(0, { view: 1 })] })!.yMax).toBe(10);
  });
});

describe('stackedBands and acceptedLine', () => {
  const series = shapeTimeline({ intervalMs: 1000, points: [point(0, { view: 5, search: 5 }, 10), point(1, { view: 10 }, 10)] }, { minSeconds: 1, maxSeconds: 1 })!;
  const area = plotArea(series, 100, 100);

  it('stacks the types so the top band ends at the stored rate', () => {
    const bands = stackedBands(series, area);
    expect(bands.map((band) => band.type)).toEqual(['view', 'search']);
    // yMax is 10: view fills 0–50 then 0–100; search sits on top of view at t=0 (50–100) and is empty at t=1.
    expect(bands[0].d).toBe('M0.0 50.0 L100.0 0.0 L100.0 100.0 L0.0 100.0 Z');
    expect(bands[1].d).toBe('M0.0 0.0 L100.0 0.0 L100.0 0.0 L0.0 50.0 Z');
  });

  it('draws accepted as a line across the window', () => {
    expect(acceptedLine(series, area)).toBe('M0.0 0.0 L100.0 0.0');
  });
});

describe('axisSeconds', () => {
  it('labels the window from its start to now', () => {
    expect(axisSeconds(180, 5)).toEqual([-180, -135, -90, -45, 0]);
    expect(axisSeconds(60, 5)).toEqual([-60, -45, -30, -15, 0]);
  });
});
