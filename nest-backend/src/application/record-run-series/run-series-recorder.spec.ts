import { RunCounters } from '../../domain/ports/run-counters.port';
import { RunSeriesStore } from '../../domain/ports/run-series-store.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { LiveCounters, ProcessRun, newRun } from '../../domain/run';
import { RecordedSeries } from '../../domain/throughput-series';
import { RunOrchestrator } from '../orchestrate-run/run-orchestrator.service';
import { PipelineSettings } from '../pipeline-settings';
import { RunLog } from '../run-log/run-log.service';
import { RunSeriesRecorder } from './run-series-recorder.service';
import { RunSeriesSettings } from './run-series-settings';

const RUN = 'run-1';
const CREATED = 1_000_000;

/** The recorder on fakes of its ports, with a clock the test moves. */
function setUp(stored: RecordedSeries | null = null) {
  let now = CREATED + 5_000;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  const driven = new Set<string>();
  let live: LiveCounters | null = null;
  const saved: RecordedSeries[] = [];
  let run: ProcessRun = newRun(RUN, 1_000, true, new Date(CREATED), 100);
  const store: Partial<RunSeriesStore> = {
    find: async () => stored,
    save: async (recorded) => {
      saved.push(structuredClone(recorded));
      return true;
    },
  };
  const recorder = new RunSeriesRecorder(
    { drivenRunIds: () => [...driven] } as unknown as RunOrchestrator,
    { findById: async () => run } as unknown as RunStore,
    { read: async () => live } as unknown as RunCounters,
    store as RunSeriesStore,
    new RunSeriesSettings({ maxPoints: 50, baseIntervalMs: 1_000 }, 5_000, 'api-7@here'),
    { orchestrate: true } as PipelineSettings,
    { warn: () => undefined } as unknown as RunLog,
  );
  return {
    recorder,
    saved,
    drive: (on: boolean) => (on ? driven.add(RUN) : driven.delete(RUN)),
    counters: (vip: number, normal: number) => (live = { vipProcessed: vip, normalProcessed: normal, failed: 0, vipStart: null, vipEnd: null, normalStart: null, normalEnd: null }),
    advance: (ms: number) => (now += ms),
    finish: (changes: Partial<ProcessRun>) => (run = { ...run, ...changes }),
  };
}

afterEach(() => jest.restoreAllMocks());

describe('RunSeriesRecorder', () => {
  it('records nothing for a run this process does not drive', async () => {
    const { recorder, saved, counters } = setUp();
    counters(100, 0);
    await recorder.recordOnce();
    expect(saved).toEqual([]);
  });

  it('starts a driven run’s series at its creation, samples its counters, and saves when it stops driving it', async () => {
    const { recorder, saved, drive, counters, advance } = setUp();
    drive(true);
    counters(200, 0);
    await recorder.recordOnce();
    expect(saved).toHaveLength(1);
    expect(saved[0].recorders).toEqual([{ name: 'api-7@here', since: CREATED + 5_000 }]);
    for (const [vip, normal] of [[400, 0], [500, 300]]) {
      advance(1_000);
      counters(vip, normal);
      await recorder.recordOnce();
    }
    expect(saved).toHaveLength(1);
    drive(false);
    advance(1_000);
    await recorder.recordOnce();
    expect(saved).toHaveLength(2);
    expect(saved[1].series.points.map((p) => [p.at - CREATED, p.vip, p.normal])).toEqual([
      [0, 0, 0],
      [5_000, 200, 0],
      [6_000, 400, 0],
      [7_000, 500, 300],
    ]);
    await recorder.recordOnce();
    expect(saved).toHaveLength(2);
  });

  it('ends the series of a run that finished with the run’s final figures, whatever it last sampled', async () => {
    const { recorder, saved, drive, counters, advance, finish } = setUp();
    drive(true);
    counters(200, 0);
    await recorder.recordOnce();
    advance(1_000);
    counters(1_000, 300);
    await recorder.recordOnce();
    // The last jobs finish and the run moves to DONE between two samples.
    finish({
      phase: 'DONE',
      finishedAt: new Date(CREATED + 6_400),
      processing: { vip: { start: null, end: null, count: 1_000 }, normal: { start: null, end: null, count: 9_000 } },
    });
    drive(false);
    advance(1_000);
    await recorder.recordOnce();
    const last = saved[saved.length - 1].series.points;
    expect(last.map((p) => [p.at - CREATED, p.vip, p.normal])).toEqual([
      [0, 0, 0],
      [5_000, 200, 0],
      [6_000, 1_000, 300],
      [6_400, 1_000, 9_000],
    ]);
  });

  it('continues the series stored by the process that drove the run before, naming itself as the next recorder', async () => {
    const before: RecordedSeries = {
      runId: RUN,
      series: { intervalMs: 1_000, points: [{ at: CREATED, vip: 0, normal: 0, failed: 0 }, { at: CREATED + 2_000, vip: 150, normal: 0, failed: 0 }] },
      recorders: [{ name: 'api-1@there', since: CREATED }],
    };
    const { recorder, saved, drive, counters } = setUp(before);
    drive(true);
    counters(900, 0);
    await recorder.recordOnce();
    expect(saved[0].recorders.map((r) => r.name)).toEqual(['api-1@there', 'api-7@here']);
    expect(saved[0].series.points.map((p) => [p.at - CREATED, p.vip])).toEqual([
      [0, 0],
      [2_000, 150],
      [5_000, 900],
    ]);
  });
});
