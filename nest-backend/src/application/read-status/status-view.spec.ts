import { ProcessRun, newRun } from '../../domain/run';
import { PHASES, Phase } from '../../domain/run-phase';
import { emptyStatusView, statusView } from './status-view';

const T0 = Date.parse('2024-05-01T12:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

/** A run created at T0 for 1,000 orders, with the given fields overridden. */
function run(overrides: Partial<ProcessRun> = {}): ProcessRun {
  return { ...newRun('run-1', 1000, true, at(0), 1000), generated: 1000, vipGenerated: 200, normalGenerated: 800, ...overrides };
}

/** VIP lane done between 10 s and 12 s (200 orders); NORMAL lane from 12 s, 800 orders by 20 s. */
const fullWindows = (): ProcessRun['processing'] => ({
  vip: { start: at(10), end: at(12), count: 200 },
  normal: { start: at(12), end: at(20), count: 800 },
});

describe('statusView', () => {
  it('reports an idle system when there has never been a run', () => {
    const now = at(5);
    expect(statusView(null, now)).toEqual(emptyStatusView(now));
    const snapshot = statusView(null, now);
    expect(snapshot.phase).toBe('IDLE');
    expect(snapshot.lastRunId).toBeNull();
    expect(snapshot.eta).toEqual({ estimatedMs: null, progressPercent: 0 });
    expect(snapshot.updatedAt).toBe(now.toISOString());
  });

  describe('processing windows', () => {
    it('shows a running VIP window without an end, its time growing to now', () => {
      const snapshot = statusView(run({ phase: 'WAITING_VIP_DRAIN', processing: fullWindows() }), at(14));
      expect(snapshot.processing.vip).toEqual({ start: at(10).toISOString(), end: null, timeMs: 4000, count: 200 });
      expect(snapshot.throughput.vip).toBe(50);
    });

    it.each<Phase>(['GENERATING', 'ENQUEUE_VIP', 'WAITING_VIP_DRAIN'])('hides the VIP end while the VIP lane is still open (%s)', (phase) => {
      expect(statusView(run({ phase, processing: fullWindows() }), at(30)).processing.vip.end).toBeNull();
    });

    it.each<Phase>(['ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN', 'DONE', 'ABORTED', 'ERROR'])('shows the VIP end once the VIP lane is done (%s)', (phase) => {
      const finished = ['DONE', 'ABORTED', 'ERROR'].includes(phase) ? { finishedAt: at(20) } : {};
      const snapshot = statusView(run({ phase, processing: fullWindows(), ...finished }), at(30));
      expect(snapshot.processing.vip).toEqual({ start: at(10).toISOString(), end: at(12).toISOString(), timeMs: 2000, count: 200 });
      expect(snapshot.throughput.vip).toBe(100);
    });

    it('hides the NORMAL end until the run is over', () => {
      const snapshot = statusView(run({ phase: 'WAITING_NORMAL_DRAIN', processing: fullWindows() }), at(22));
      expect(snapshot.processing.normal).toEqual({ start: at(12).toISOString(), end: null, timeMs: 10_000, count: 800 });
      expect(snapshot.throughput.normal).toBe(80);
    });

    it('shows the NORMAL end and its fixed time after the run', () => {
      const snapshot = statusView(run({ phase: 'DONE', processing: fullWindows(), finishedAt: at(21) }), at(100));
      expect(snapshot.processing.normal).toEqual({ start: at(12).toISOString(), end: at(20).toISOString(), timeMs: 8000, count: 800 });
      expect(snapshot.throughput.normal).toBe(100);
    });

    it('has no time and no rate for a lane that has not started', () => {
      const snapshot = statusView(run({ phase: 'ENQUEUE_VIP' }), at(3));
      expect(snapshot.processing.normal).toEqual({ start: null, end: null, timeMs: null, count: 0 });
      expect(snapshot.throughput).toEqual({ vip: 0, normal: 0, overall: 0, current: 0 });
    });

    it('never shows a negative time when another process clock is ahead', () => {
      const processing = { ...fullWindows(), vip: { start: at(10), end: null, count: 5 } };
      expect(statusView(run({ phase: 'WAITING_VIP_DRAIN', processing }), at(9)).processing.vip.timeMs).toBe(0);
    });
  });

  describe('overall throughput', () => {
    it('spans first start to last end once the run is over', () => {
      const snapshot = statusView(run({ phase: 'DONE', processing: fullWindows(), finishedAt: at(21) }), at(500));
      expect(snapshot.throughput.overall).toBe(100);
      expect(snapshot.counts).toEqual({ vip: 200, normal: 800, failed: 0, cancelled: 0 });
      expect(snapshot.progress).toEqual({ target: 1000, generated: 1000, processedTotal: 1000, vipTarget: 200, normalTarget: 800 });
    });

    it('spans first start to now while the run is going', () => {
      const processing = { ...fullWindows(), normal: { start: at(12), end: at(14), count: 300 } };
      expect(statusView(run({ phase: 'WAITING_NORMAL_DRAIN', processing }), at(15)).throughput.overall).toBe(100);
    });

    it('ends at the VIP end when a run is aborted before the NORMAL lane started', () => {
      const processing = { vip: { start: at(10), end: at(14), count: 100 }, normal: { start: null, end: null, count: 0 } };
      const snapshot = statusView(run({ phase: 'ABORTED', processing, cancelled: 900, finishedAt: at(15) }), at(60));
      expect(snapshot.throughput.overall).toBe(25);
    });
  });

  describe('ETA and progress', () => {
    const halfway = () => run({ phase: 'WAITING_NORMAL_DRAIN', processing: { ...fullWindows(), normal: { start: at(12), end: null, count: 300 } } });

    it('estimates the rest from the overall rate when no current rate is known', () => {
      // 500 processed in 5 s = 100/s, 500 left.
      expect(statusView(halfway(), at(15)).eta).toEqual({ estimatedMs: 5000, progressPercent: 50 });
    });

    it('prefers the current rate when there is one', () => {
      const snapshot = statusView(halfway(), at(15), 250);
      expect(snapshot.eta.estimatedMs).toBe(2000);
      expect(snapshot.throughput.current).toBe(250);
    });

    it('does not count failed and cancelled orders as still to do', () => {
      const snapshot = statusView({ ...halfway(), failed: 100, cancelled: 100 }, at(15));
      expect(snapshot.eta.estimatedMs).toBe(3000);
    });

    it('counts failed orders, not cancelled ones, as progress', () => {
      expect(statusView({ ...halfway(), failed: 100, cancelled: 100 }, at(15)).eta.progressPercent).toBe(60);
    });

    it('rounds progress to one decimal', () => {
      const processing = { vip: { start: at(10), end: null, count: 1 }, normal: { start: null, end: null, count: 0 } };
      expect(statusView(run({ phase: 'WAITING_VIP_DRAIN', target: 3, processing }), at(11)).eta.progressPercent).toBe(33.3);
    });

    it('has no estimate before anything is processed', () => {
      expect(statusView(run({ phase: 'GENERATING', generated: 10 }), at(1)).eta).toEqual({ estimatedMs: null, progressPercent: 0 });
    });

    it('reports 0 % rather than dividing by a zero target', () => {
      expect(statusView(run({ target: 0 }), at(1)).eta.progressPercent).toBe(0);
    });

    it.each<Phase>(['DONE', 'ABORTED', 'ERROR'])('shows ETA 0 and current rate 0 for a %s run', (phase) => {
      const snapshot = statusView({ ...halfway(), phase, finishedAt: at(16) }, at(60), 400);
      expect(snapshot.eta.estimatedMs).toBe(0);
      expect(snapshot.throughput.current).toBe(0);
    });
  });

  describe('phase times', () => {
    it('counts generation up to now while generating', () => {
      expect(statusView(run({ phase: 'GENERATING' }), at(7)).generationTimeMs).toBe(7000);
    });

    it('counts generation up to its end once it ended', () => {
      expect(statusView(run({ phase: 'ENQUEUE_NORMAL', generationEndedAt: at(4) }), at(30)).generationTimeMs).toBe(4000);
    });

    it('stops generation time when a run ends mid-generation', () => {
      expect(statusView(run({ phase: 'ABORTED', finishedAt: at(6) }), at(60)).generationTimeMs).toBe(6000);
    });

    it('has no generation time when generation never started', () => {
      expect(statusView(run({ generationStartedAt: null }), at(3)).generationTimeMs).toBeNull();
    });

    it('measures total time to now while running and to the finish afterwards', () => {
      expect(statusView(run({ phase: 'WAITING_NORMAL_DRAIN' }), at(18)).totalTimeMs).toBe(18_000);
      expect(statusView(run({ phase: 'DONE', finishedAt: at(21) }), at(999)).totalTimeMs).toBe(21_000);
    });

    it('passes through the run identity, phase and enqueue times', () => {
      const snapshot = statusView(run({ phase: 'ENQUEUE_NORMAL', awaitingProcess: true, enqueueVipTimeMs: 12, enqueueNormalTimeMs: 34 }), at(1));
      expect(snapshot).toMatchObject({ lastRunId: 'run-1', phase: 'ENQUEUE_NORMAL', awaitingProcess: true, enqueueVipTimeMs: 12, enqueueNormalTimeMs: 34 });
      expect(snapshot.updatedAt).toBe(at(1).toISOString());
    });
  });

  it('reports every phase without throwing', () => {
    for (const phase of PHASES) expect(statusView(run({ phase }), at(1)).phase).toBe(phase);
  });
});
