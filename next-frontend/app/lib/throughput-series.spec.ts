import { describe, expect, it } from 'vitest';
import type { Phase, StatusSnapshot } from '@pedidos/contract';
import {
  appendSample,
  EMPTY_SERIES,
  linePath,
  niceCeiling,
  sampleFromStatus,
  thinOut,
  type ThroughputSample,
  type ThroughputSeries,
} from './throughput-series';

const sample = (t: number, phase: Phase = 'WAITING_VIP_DRAIN', vip: number | null = 100): ThroughputSample => ({
  t,
  phase,
  vip,
  normal: null,
  overall: 90,
});

function fill(count: number, max: number): ThroughputSeries {
  let series: ThroughputSeries = EMPTY_SERIES;
  for (let i = 0; i < count; i++) series = appendSample(series, 'run-1', sample(1000 + i * 100), max);
  return series;
}

describe('sampleFromStatus', () => {
  const status = (phase: Phase) =>
    ({
      phase,
      updatedAt: '2026-11-21T14:00:00.000Z',
      throughput: { vip: 1, normal: 2, overall: 3, current: 4 },
    }) as StatusSnapshot;

  it('attributes the current rate to the priority being drained', () => {
    expect(sampleFromStatus(status('WAITING_VIP_DRAIN'))).toMatchObject({ vip: 4, normal: null, overall: 3 });
    expect(sampleFromStatus(status('WAITING_NORMAL_DRAIN'))).toMatchObject({ vip: null, normal: 4, overall: 3 });
    expect(sampleFromStatus(status('GENERATING'))).toMatchObject({ vip: null, normal: null });
  });

  it('skips snapshots without a timestamp', () => {
    // Not what the backend sends, but what a malformed payload could hold.
    expect(sampleFromStatus({ ...status('DONE'), updatedAt: null } as unknown as StatusSnapshot)).toBeNull();
  });
});

describe('chart window', () => {
  it('never holds more than the maximum number of points', () => {
    for (const count of [1, 10, 11, 50, 333]) {
      expect(fill(count, 10).samples.length).toBeLessThanOrEqual(10);
    }
  });

  it('keeps spanning the whole run: the first and the latest points survive thinning', () => {
    const series = fill(500, 20);
    expect(series.samples[0].t).toBe(1000);
    expect(series.samples[series.samples.length - 1].t).toBe(1000 + 499 * 100);
  });

  it('stays in time order and drops stale or repeated snapshots', () => {
    let series = fill(5, 100);
    series = appendSample(series, 'run-1', sample(1200));
    expect(series.samples.map((s) => s.t)).toEqual([1000, 1100, 1200, 1300, 1400]);
  });

  it('starts over when a new run begins', () => {
    const series = appendSample(fill(5, 100), 'run-2', sample(9000));
    expect(series.runId).toBe('run-2');
    expect(series.samples).toHaveLength(1);
  });

  it('adds one closing point when the run ends, then stops', () => {
    let series = fill(3, 100);
    series = appendSample(series, 'run-1', sample(5000, 'DONE', null));
    series = appendSample(series, 'run-1', sample(6000, 'DONE', null));
    expect(series.samples).toHaveLength(4);
    expect(series.samples[3].phase).toBe('DONE');
  });

  it('does not start a series from an idle or finished snapshot', () => {
    expect(appendSample(EMPTY_SERIES, 'run-1', sample(1000, 'DONE')).samples).toHaveLength(0);
  });

  it('thinOut halves the points and keeps the ends', () => {
    const points = Array.from({ length: 10 }, (_, i) => sample(i));
    const thinned = thinOut(points);
    expect(thinned.map((p) => p.t)).toEqual([0, 2, 4, 6, 8, 9]);
  });
});

describe('drawing', () => {
  it('rounds the axis up to a readable maximum', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(48_852)).toBe(50_000);
    expect(niceCeiling(120)).toBe(200);
    expect(niceCeiling(2400)).toBe(2500);
  });

  it('breaks the line where a value is missing instead of drawing zero', () => {
    const samples = [sample(0, 'WAITING_VIP_DRAIN', 0), sample(50, 'WAITING_VIP_DRAIN', 100), sample(100, 'WAITING_NORMAL_DRAIN', null)];
    const area = { width: 100, height: 100, t0: 0, t1: 100, yMax: 100 };
    expect(linePath(samples, (s) => s.vip, area)).toBe('M0.0 100.0 L50.0 0.0');
    const gap = [...samples, sample(150, 'WAITING_VIP_DRAIN', 50)];
    expect(linePath(gap, (s) => s.vip, { ...area, t1: 150 })).toMatch(/^M0\.0 100\.0 L33\.3 0\.0 M100\.0 50\.0$/);
  });
});
