import { aRun, orchestratorPorts, stopSignalOf } from './orchestrate-run.fixtures';
import { RunStopped } from './stop-signal';

describe('StopSignal', () => {
  it('stops when this process was asked to stop the run', async () => {
    const ports = orchestratorPorts();
    let requested = false;
    const stop = stopSignalOf(ports, 'run-1', () => requested);
    expect(() => stop.throwIfStopped()).not.toThrow();
    requested = true;
    expect(() => stop.throwIfStopped()).toThrow(RunStopped);
    await expect(stop.throwIfCancelled()).rejects.toBeInstanceOf(RunStopped);
  });

  it('goes on while the run holds the slot, and stops once a cancel elsewhere took it and aborted the run', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'ENQUEUE_VIP' }));
    const stop = stopSignalOf(ports);
    await expect(stop.throwIfCancelled()).resolves.toBeUndefined();
    ports.slot.heldBy = null;
    await ports.runs.update('run-1', { phase: 'ABORTED' });
    await expect(stop.throwIfCancelled()).rejects.toBeInstanceOf(RunStopped);
  });

  it('goes on when the slot was lost but the run is still active (the slot is restored before the next step)', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'ENQUEUE_VIP' }));
    ports.slot.heldBy = null;
    await expect(stopSignalOf(ports).throwIfCancelled()).resolves.toBeUndefined();
  });
});
