import { newRun, ProcessRun } from '../../domain/run';
import { Phase } from '../../domain/run-phase';
import { retryRefusal } from './retriable-run';

const run = (phase: Phase, runId = 'run-2'): ProcessRun => ({ ...newRun(runId, 100, true, new Date(0), 10), phase });

describe('retryRefusal', () => {
  it('lets the latest run be retried once it is DONE, with or without naming it', () => {
    expect(retryRefusal(run('DONE'))).toBeNull();
    expect(retryRefusal(run('DONE'), 'run-2')).toBeNull();
  });

  it.each(['GENERATING', 'ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN'] as Phase[])('refuses with RUN_ALREADY_ACTIVE while the latest run is in %s', (phase) => {
    expect(retryRefusal(run(phase))?.code).toBe('RUN_ALREADY_ACTIVE');
    // The active run wins over a stale run id: retrying an older run's job waits for it too.
    expect(retryRefusal(run(phase), 'run-1')?.code).toBe('RUN_ALREADY_ACTIVE');
  });

  it.each(['ABORTED', 'ERROR'] as Phase[])('refuses a latest run that ended %s', (phase) => {
    const refusal = retryRefusal(run(phase));
    expect(refusal?.code).toBe('NOTHING_TO_PROCESS');
    expect(refusal?.message).toContain(phase);
  });

  it('refuses an earlier run and when there is no run at all', () => {
    const earlier = retryRefusal(run('DONE'), 'run-1');
    expect(earlier?.code).toBe('NOTHING_TO_PROCESS');
    expect(earlier?.message).toMatch(/run run-1 is not the latest run \(run-2\)/);
    expect(retryRefusal(null)?.code).toBe('NOTHING_TO_PROCESS');
  });
});
