import { LeaseKeeper } from './lease-keeper';
import { MemoryDriverLease, MemoryRunStore, RecordingRunLog, aRun } from './orchestrate-run.fixtures';
import { ResumeOrphanedRuns } from './resume-orphaned-runs';

function setUp() {
  const runs = new MemoryRunStore(
    aRun({ runId: 'orphan', phase: 'WAITING_VIP_DRAIN' }),
    aRun({ runId: 'driven-here', phase: 'ENQUEUE_NORMAL' }),
    aRun({ runId: 'driven-elsewhere', phase: 'GENERATING' }),
    aRun({ runId: 'awaiting-process', phase: 'GENERATING', awaitingProcess: true }),
    aRun({ runId: 'finished', phase: 'DONE' }),
  );
  const lease = new MemoryDriverLease();
  lease.held.set('driven-elsewhere', 'another-process');
  const log = new RecordingRunLog();
  const resumed: string[] = [];
  const resumer = new ResumeOrphanedRuns(runs, new LeaseKeeper(lease), log);
  return { runs, lease, log, resumed, resumer, drivenHere: (runId: string) => runId === 'driven-here', resume: (runId: string) => void resumed.push(runId) };
}

describe('ResumeOrphanedRuns', () => {
  afterEach(() => jest.useRealTimers());

  it('resumes the active runs that no live process drives, taking their lease first', async () => {
    const { lease, log, resumed, resumer, drivenHere, resume } = setUp();
    await resumer.resumeOrphans(drivenHere, resume);
    expect(resumed).toEqual(['orphan']);
    expect(lease.held.get('orphan')).toBe('this-process');
    expect(log.lines).toEqual(['warn resuming run orphan in phase WAITING_VIP_DRAIN']);
  });

  it('logs, and does not throw, when the runs cannot be read', async () => {
    const { runs, log, resumed, resumer, drivenHere, resume } = setUp();
    runs.failFindActive = new Error('database unreachable');
    await resumer.resumeOrphans(drivenHere, resume);
    expect(resumed).toEqual([]);
    expect(log.lines).toEqual(['warn could not look for runs to resume: database unreachable']);
  });

  it('looks at once and every 3 s until told to stop', async () => {
    jest.useFakeTimers();
    const { runs, resumed, resumer, resume } = setUp();
    const stop = resumer.watch(() => false, resume);
    await jest.advanceTimersByTimeAsync(0);
    expect(resumed).toEqual(['orphan', 'driven-here']);

    runs.byId.set('late', aRun({ runId: 'late', phase: 'ENQUEUE_VIP' }));
    await jest.advanceTimersByTimeAsync(3_000);
    expect(resumed).toEqual(['orphan', 'driven-here', 'late']);

    stop();
    runs.byId.set('after-stop', aRun({ runId: 'after-stop', phase: 'ENQUEUE_VIP' }));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(resumed).not.toContain('after-stop');
  });
});
