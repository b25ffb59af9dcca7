import { ProcessRun, newRun } from '../../domain/run';
import { recordSample, startSeries } from '../../domain/throughput-series';
import { reportCsv } from './report-csv';
import { buildRunReport } from './run-report';

const limits = { maxPoints: 10, baseIntervalMs: 1_000 };
const created = new Date('2025-01-01T00:00:00.000Z');

function finishedRun(): ProcessRun {
  return {
    ...newRun('7b0d0c1e-0000-4000-8000-000000000001', 3_000, true, created, 500),
    phase: 'DONE',
    generated: 3_000,
    vipGenerated: 600,
    normalGenerated: 2_400,
    generationEndedAt: new Date(created.getTime() + 1_000),
    processing: {
      vip: { start: new Date(created.getTime() + 500), end: new Date(created.getTime() + 1_500), count: 600 },
      normal: { start: new Date(created.getTime() + 1_600), end: new Date(created.getTime() + 3_600), count: 2_400 },
    },
    finishedAt: new Date(created.getTime() + 4_000),
  };
}

describe('buildRunReport', () => {
  it('ends the recorded series with the run’s final counts at its end, with the rates of each interval', () => {
    let series = startSeries(created.getTime(), limits);
    for (const [s, vip, normal] of [[1, 300, 0], [2, 600, 400], [3, 600, 1_400], [4.2, 600, 2_300]]) {
      series = recordSample(series, { at: created.getTime() + s * 1_000, vip, normal, failed: 0 }, limits);
    }
    const report = buildRunReport(finishedRun(), { runId: 'r', series, recorders: [{ name: 'api-1@h', since: created.getTime() }] }, new Date(created.getTime() + 9_000), limits);

    expect(report.series.recorded).toBe(true);
    expect(report.series.points.map((p) => [p.elapsedMs, p.vipProcessed, p.normalProcessed, p.vipPerSecond, p.normalPerSecond])).toEqual([
      [0, 0, 0, 0, 0],
      [1_000, 300, 0, 300, 0],
      [2_000, 600, 400, 300, 400],
      [3_000, 600, 1_400, 0, 1_000],
      // The sample at 4.2 s came after the run ended at 4 s: the run's own figures take its place.
      [4_000, 600, 2_400, 0, 1_000],
    ]);
    expect(report.series.recorders).toEqual([{ name: 'api-1@h', since: created.toISOString() }]);
    expect(report.counts).toEqual({ generated: 3_000, vipGenerated: 600, normalGenerated: 2_400, vipProcessed: 600, normalProcessed: 2_400, failed: 0, cancelled: 0 });
    expect(report.timings.vip).toEqual({ start: '2025-01-01T00:00:00.500Z', end: '2025-01-01T00:00:01.500Z', timeMs: 1_000 });
    expect(report.timings.totalTimeMs).toBe(4_000);
    expect(report.throughput).toEqual({ vip: 600, normal: 1_200, overall: 968 });
    expect(report.settings).toEqual({ target: 3_000, autoProcess: true, ordersPerJob: 500 });
  });

  it('says when nothing was recorded, and still gives the run’s start and end', () => {
    const report = buildRunReport(finishedRun(), null, new Date(created.getTime() + 9_000), limits);
    expect(report.series.recorded).toBe(false);
    expect(report.series.points.map((p) => [p.elapsedMs, p.vipProcessed + p.normalProcessed])).toEqual([
      [0, 0],
      [4_000, 3_000],
    ]);
  });

  it('ends a running run’s series now, with its live counts', () => {
    const running = { ...finishedRun(), phase: 'WAITING_NORMAL_DRAIN' as const, finishedAt: null };
    const report = buildRunReport(running, null, new Date(created.getTime() + 2_500), limits);
    expect(report.series.points[report.series.points.length - 1]).toMatchObject({ elapsedMs: 2_500, vipProcessed: 600, normalProcessed: 2_400 });
  });
});

describe('reportCsv', () => {
  it('has every figure as field,value rows, a blank line, then a header and one row per point', () => {
    const run = { ...finishedRun(), phase: 'ERROR' as const, errorReason: 'redis said "no", then went away' };
    const csv = reportCsv(buildRunReport(run, null, new Date(created.getTime() + 9_000), limits));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('field,value');
    expect(lines).toContain('runId,7b0d0c1e-0000-4000-8000-000000000001');
    expect(lines).toContain('settings.ordersPerJob,500');
    expect(lines).toContain('timings.normal.timeMs,2000');
    expect(lines).toContain('counts.normalProcessed,2400');
    expect(lines).toContain('series.recorded,false');
    expect(lines).toContain('errorReason,"redis said ""no"", then went away"');
    expect(lines).toContain('finishedAt,2025-01-01T00:00:04.000Z');
    const blank = lines.indexOf('');
    expect(lines[blank + 1]).toBe('at,elapsedMs,vipProcessed,normalProcessed,failed,vipPerSecond,normalPerSecond');
    expect(lines.slice(blank + 2)).toEqual(['2025-01-01T00:00:00.000Z,0,0,0,0,0,0', '2025-01-01T00:00:04.000Z,4000,600,2400,0,150,600', '']);
  });
});
