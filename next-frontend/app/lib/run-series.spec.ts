import { describe, expect, it } from 'vitest';
import type { ReportPoint, RunReport } from '@pedidos/contract';
import { laneSteps, peakRate, samplesFromReport, seedSeries, spanSeconds, stepPath } from './run-series';
import type { ThroughputSeries } from './throughput-series';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function point(seconds: number, vip: number, normal: number, vipPerSecond: number, normalPerSecond: number): ReportPoint {
  return { at: at(seconds), elapsedMs: seconds * 1000, vipProcessed: vip, normalProcessed: normal, failed: 0, vipPerSecond, normalPerSecond };
}

/** VIP processed from 1 s to 3 s, NORMAL from 3 s on; recorded every 2 s. */
function report(points: ReportPoint[], phase: RunReport['phase'] = 'WAITING_NORMAL_DRAIN'): RunReport {
  return {
    runId: 'run-1',
    phase,
    errorReason: null,
    createdAt: at(0),
    finishedAt: null,
    reportedAt: at(6),
    settings: { target: 1000, autoProcess: true, ordersPerJob: 100 },
    timings: {
      generationStartedAt: at(0),
      generationEndedAt: at(1),
      generationTimeMs: 1000,
      enqueueVipTimeMs: 1,
      enqueueNormalTimeMs: 1,
      vip: { start: at(1), end: at(3), timeMs: 2000 },
      normal: { start: at(3), end: null, timeMs: 3000 },
      totalTimeMs: 6000,
    },
    counts: { generated: 1000, vipGenerated: 200, normalGenerated: 800, vipProcessed: 200, normalProcessed: 500, failed: 0, cancelled: 0 },
    throughput: { vip: 100, normal: 167, overall: 140 },
    series: { recorded: true, intervalMs: 2000, maxPoints: 300, recorders: [], points },
  };
}

const recorded = report([point(0, 0, 0, 0, 0), point(2, 100, 0, 50, 0), point(4, 200, 100, 50, 50), point(6, 200, 500, 0, 200)]);

describe('laneSteps and stepPath', () => {
  it('give each interval its lane rate as a flat step, in seconds since the run began', () => {
    expect(laneSteps(recorded.series.points, 'normal')).toEqual([
      { from: 0, to: 2, rate: 0 },
      { from: 2, to: 4, rate: 50 },
      { from: 4, to: 6, rate: 200 },
    ]);
    const path = stepPath(laneSteps(recorded.series.points, 'normal'), { width: 600, height: 100, xMax: 6, yMax: 200 });
    expect(path).toBe('M0.0 100.0 L200.0 100.0 L200.0 75.0 L400.0 75.0 L400.0 0.0 L600.0 0.0');
  });

  it('scale to the highest rate and the longest of the runs overlaid', () => {
    const shorter = report([point(0, 0, 0, 0, 0), point(3, 300, 0, 300, 0)]);
    expect(peakRate([recorded, shorter])).toBe(300);
    expect(spanSeconds([recorded, shorter])).toBe(6);
    expect(stepPath([], { width: 1, height: 1, xMax: 1, yMax: 1 })).toBe('');
  });
});

describe('samplesFromReport', () => {
  it('shows a lane only over intervals in which it was being processed, and the average since processing began', () => {
    expect(samplesFromReport(recorded).map(({ t, vip, normal, overall }) => [(t - T0) / 1000, vip, normal, overall])).toEqual([
      [2, 50, null, 100],
      [4, 50, 50, 100],
      [6, null, 200, 140],
    ]);
  });
});

describe('seedSeries', () => {
  it('puts the recorded history before the first live sample and keeps the live ones', () => {
    const live: ThroughputSeries = { runId: 'run-1', samples: [{ t: T0 + 5000, phase: 'WAITING_NORMAL_DRAIN', vip: null, normal: 190, overall: 130 }] };
    const seeded = seedSeries(live, recorded);
    expect(seeded.runId).toBe('run-1');
    expect(seeded.samples.map((s) => (s.t - T0) / 1000)).toEqual([2, 4, 5]);
    expect(seeded.samples[2]).toBe(live.samples[0]);
  });

  it('replaces the samples of another run, and stays within the bound', () => {
    const other: ThroughputSeries = { runId: 'run-0', samples: [{ t: T0 - 1, phase: 'DONE', vip: null, normal: 1, overall: 1 }] };
    expect(seedSeries(other, recorded).samples).toHaveLength(3);
    const many = report(Array.from({ length: 101 }, (_, s) => point(s, 0, s * 10, 0, 10)));
    expect(seedSeries({ runId: null, samples: [] }, many, 40).samples.length).toBeLessThanOrEqual(40);
  });
});
