import { describe, expect, it } from 'vitest';
import { timelineSegments } from './timeline';

const total = (widths: number[]) => widths.reduce((a, b) => a + b, 0);

describe('timelineSegments', () => {
  it('splits the bar in proportion to the durations', () => {
    const segments = timelineSegments({ generation: 1000, vip: 1000, normal: 2000 }, 'DONE');
    expect(segments.map((s) => s.widthPercent)).toEqual([25, 25, 50]);
    expect(segments.every((s) => !s.current)).toBe(true);
  });

  it('marks the stage of the current phase', () => {
    const segments = timelineSegments({ generation: 800, vip: 300, normal: null }, 'WAITING_VIP_DRAIN');
    expect(segments.find((s) => s.current)?.stage).toBe('vip');
    expect(segments[2].widthPercent).toBe(0);
  });

  it('keeps a tiny stage visible and the total at 100%', () => {
    const segments = timelineSegments({ generation: 10, vip: 50_000, normal: 50_000 }, 'DONE');
    expect(segments[0].widthPercent).toBe(4);
    expect(total(segments.map((s) => s.widthPercent))).toBeCloseTo(100, 6);
  });

  it('has no widths before anything started', () => {
    expect(timelineSegments({ generation: null, vip: null, normal: null }, 'IDLE').every((s) => s.widthPercent === 0)).toBe(true);
  });
});
