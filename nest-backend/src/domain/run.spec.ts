import { LiveCounters, ProcessRun, newRun, priorityKey, recountedWindows, withLiveCounters } from './run';

const T0 = Date.parse('2024-05-01T12:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const ms = (seconds: number) => T0 + seconds * 1000;

const live = (overrides: Partial<LiveCounters> = {}): LiveCounters => ({
  vipProcessed: 0,
  normalProcessed: 0,
  failed: 0,
  vipStart: null,
  vipEnd: null,
  normalStart: null,
  normalEnd: null,
  ...overrides,
});

describe('newRun', () => {
  it('starts generating with nothing done and every clock at now', () => {
    const run = newRun('run-7', 5000, false, at(0), 1000);
    expect(run).toMatchObject({
      runId: 'run-7',
      phase: 'GENERATING',
      target: 5000,
      autoProcess: false,
      ordersPerJob: 1000,
      awaitingProcess: false,
      generated: 0,
      vipGenerated: 0,
      normalGenerated: 0,
      vipEnqueued: 0,
      normalEnqueued: 0,
      failed: 0,
      cancelled: 0,
      generationEndedAt: null,
      finishedAt: null,
      errorReason: null,
    });
    expect(run.createdAt).toEqual(at(0));
    expect(run.generationStartedAt).toEqual(at(0));
    expect(run.updatedAt).toEqual(at(0));
    expect(run.processing).toEqual({ vip: { start: null, end: null, count: 0 }, normal: { start: null, end: null, count: 0 } });
  });

  it('gives each run its own processing windows', () => {
    const a = newRun('a', 1, true, at(0), 1000);
    const b = newRun('b', 1, true, at(0), 1000);
    a.processing.vip.count = 5;
    expect(b.processing.vip.count).toBe(0);
  });
});

describe('priorityKey', () => {
  it('maps priorities to the lane keys of the run', () => {
    expect(priorityKey('VIP')).toBe('vip');
    expect(priorityKey('NORMAL')).toBe('normal');
  });
});

describe('withLiveCounters', () => {
  const running = (): ProcessRun => ({ ...newRun('run-1', 1000, true, at(0), 1000), phase: 'WAITING_NORMAL_DRAIN' });

  it('folds the workers live counts and times into a running run', () => {
    const folded = withLiveCounters(
      running(),
      live({ vipProcessed: 200, normalProcessed: 150, failed: 3, vipStart: ms(10), vipEnd: ms(12), normalStart: ms(12), normalEnd: ms(13) }),
    );
    expect(folded.processing).toEqual({
      vip: { count: 200, start: at(10), end: at(12) },
      normal: { count: 150, start: at(12), end: at(13) },
    });
    expect(folded.failed).toBe(3);
  });

  it('keeps the persisted figures when they are ahead of the live ones', () => {
    const run = { ...running(), failed: 9, processing: { vip: { start: at(10), end: at(12), count: 200 }, normal: { start: at(12), end: null, count: 500 } } };
    const folded = withLiveCounters(run, live({ vipProcessed: 150, normalProcessed: 600, failed: 2 }));
    expect(folded.processing.vip.count).toBe(200);
    expect(folded.processing.normal.count).toBe(600);
    expect(folded.failed).toBe(9);
  });

  it('keeps persisted times the live counters do not know', () => {
    const run = { ...running(), processing: { vip: { start: at(10), end: at(12), count: 200 }, normal: { start: null, end: null, count: 0 } } };
    expect(withLiveCounters(run, live({ normalStart: ms(13) })).processing).toEqual({
      vip: { start: at(10), end: at(12), count: 200 },
      normal: { start: at(13), end: null, count: 0 },
    });
  });

  it('leaves a finished run exactly as persisted', () => {
    const done = { ...running(), phase: 'DONE' as const, finishedAt: at(30) };
    expect(withLiveCounters(done, live({ vipProcessed: 9999, failed: 9999, vipStart: ms(1) }))).toBe(done);
  });

  it('leaves the run alone when there are no live counters', () => {
    const run = running();
    expect(withLiveCounters(run, null)).toBe(run);
  });

  it('does not modify the run it was given', () => {
    const run = running();
    withLiveCounters(run, live({ vipProcessed: 5, vipStart: ms(1) }));
    expect(run.processing.vip).toEqual({ start: null, end: null, count: 0 });
  });
});

describe('recountedWindows', () => {
  const persisted = (): ProcessRun => ({
    ...newRun('run-1', 1000, true, at(0), 1000),
    processing: { vip: { start: at(10), end: at(12), count: 250 }, normal: { start: at(12), end: at(20), count: 700 } },
  });

  it('takes counts from the recount, even when lower than the persisted ones', () => {
    const windows = recountedWindows(persisted(), { vipProcessed: 200, normalProcessed: 650 }, null);
    expect(windows.vip.count).toBe(200);
    expect(windows.normal.count).toBe(650);
  });

  it('takes times from the live counters when known', () => {
    const windows = recountedWindows(persisted(), { vipProcessed: 200, normalProcessed: 800 }, live({ vipStart: ms(9), vipEnd: ms(11), normalStart: ms(11), normalEnd: ms(25) }));
    expect(windows).toEqual({
      vip: { count: 200, start: at(9), end: at(11) },
      normal: { count: 800, start: at(11), end: at(25) },
    });
  });

  it('falls back to the persisted times when the live counters are gone or incomplete', () => {
    expect(recountedWindows(persisted(), { vipProcessed: 1, normalProcessed: 2 }, null)).toEqual({
      vip: { count: 1, start: at(10), end: at(12) },
      normal: { count: 2, start: at(12), end: at(20) },
    });
    expect(recountedWindows(persisted(), { vipProcessed: 1, normalProcessed: 2 }, live({ normalEnd: ms(30) })).normal).toEqual({
      count: 2,
      start: at(12),
      end: at(30),
    });
  });
});
