import { describe, expect, it } from 'vitest';
import { retryBlock } from './eligibility';

describe('retryBlock', () => {
  const done = { lastRunId: 'run-2', phase: 'DONE' as const };

  it('allows the latest run once it is DONE', () => {
    expect(retryBlock(done)).toBeNull();
    expect(retryBlock(done, 'run-2')).toBeNull();
  });

  it('blocks every retry while a run is active, a reopened one too', () => {
    expect(retryBlock({ lastRunId: 'run-2', phase: 'WAITING_VIP_DRAIN' }, 'run-2')).toBe('active');
    expect(retryBlock({ lastRunId: 'run-3', phase: 'GENERATING' }, 'run-2')).toBe('active');
  });

  it('blocks an earlier run, a run that did not end DONE, and an unknown status', () => {
    expect(retryBlock(done, 'run-1')).toBe('otherRun');
    expect(retryBlock(done, null)).toBe('otherRun');
    expect(retryBlock({ lastRunId: 'run-2', phase: 'ABORTED' })).toBe('notDone');
    expect(retryBlock({ lastRunId: null, phase: 'IDLE' })).toBe('notDone');
    expect(retryBlock(undefined)).toBe('unknown');
  });
});
