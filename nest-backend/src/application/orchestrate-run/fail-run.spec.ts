import { FailRun } from './fail-run';
import { aRun, orchestratorPorts } from './orchestrate-run.fixtures';

function failRunOf(ports: ReturnType<typeof orchestratorPorts>): FailRun {
  return new FailRun(ports.runs, ports.phases, ports.slot, ports.queue, ports.log);
}

describe('FailRun', () => {
  it('ends the run in ERROR with the reason, frees the slot and discards the queued jobs', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'WAITING_VIP_DRAIN' }));
    await failRunOf(ports).fail('run-1', new Error('database unreachable'));
    expect(ports.runs.get()).toMatchObject({ phase: 'ERROR', errorReason: 'database unreachable' });
    expect(ports.runs.get().finishedAt).toBeInstanceOf(Date);
    expect(ports.slot.heldBy).toBeNull();
    expect(ports.queue.discards).toBe(1);
  });

  it('leaves a run alone that already left its active phases', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'ABORTED' }));
    await failRunOf(ports).fail('run-1', new Error('late failure'));
    expect(ports.runs.get().phase).toBe('ABORTED');
    expect(ports.queue.discards).toBe(0);
  });

  it('never throws: a failure to record the failure is logged', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'GENERATING' }));
    jest.spyOn(ports.runs, 'findById').mockRejectedValue(new Error('database unreachable'));
    await expect(failRunOf(ports).fail('run-1', new Error('first failure'))).resolves.toBeUndefined();
    expect(ports.log.lines).toEqual(['error run run-1 failed: first failure', 'error run run-1: could not record the failure: database unreachable']);
  });
});
