import { aRun, orchestratorPorts } from './orchestrate-run.fixtures';
import { RunSlotGuard } from './run-slot-guard';
import { RunStopped } from './stop-signal';

describe('RunSlotGuard', () => {
  const run = aRun({ phase: 'WAITING_VIP_DRAIN' });

  it('lets a run that holds the slot go on', async () => {
    const ports = orchestratorPorts(run);
    await new RunSlotGuard(ports.slot, ports.runs, ports.log).ensureHeld(run);
    expect(ports.slot.heldBy).toBe('run-1');
    expect(ports.log.lines).toEqual([]);
  });

  it('restores the slot Redis lost while the run is still active', async () => {
    const ports = orchestratorPorts(run);
    ports.slot.heldBy = null;
    await new RunSlotGuard(ports.slot, ports.runs, ports.log).ensureHeld(run);
    expect(ports.slot.heldBy).toBe('run-1');
    expect(ports.log.lines).toEqual(['warn run run-1: run slot restored']);
  });

  it('gives the slot back and stops when a cancel aborted the run and freed the slot', async () => {
    const ports = orchestratorPorts(run);
    ports.slot.heldBy = null;
    await ports.runs.update('run-1', { phase: 'ABORTED' });
    await expect(new RunSlotGuard(ports.slot, ports.runs, ports.log).ensureHeld(run)).rejects.toBeInstanceOf(RunStopped);
    expect(ports.slot.heldBy).toBeNull();
  });

  it('refuses to go on while another run holds the slot', async () => {
    const ports = orchestratorPorts(run);
    ports.slot.heldBy = 'run-2';
    await expect(new RunSlotGuard(ports.slot, ports.runs, ports.log).ensureHeld(run)).rejects.toThrow('run run-1 is active but run run-2 holds the run slot');
  });
});
