import { LEASE_TTL_MS } from './lease-keeper';
import { aRun, orchestratorParts, orchestratorPorts, testSettings, workersProcessOnEnqueue } from './orchestrate-run.fixtures';

/** A run waiting for its VIP lane to drain, whose one job never finishes: it stays driven until something stops it. */
function drainingRun() {
  const ports = orchestratorPorts(aRun({ phase: 'WAITING_VIP_DRAIN', generated: 100, vipGenerated: 30, normalGenerated: 70, vipEnqueued: 30 }));
  ports.orders.add('run-1', 'VIP', 0, 30, 10);
  ports.queue.unfinishedJobs.VIP = 1;
  return ports;
}

describe('RunOrchestrator', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('drives a run it takes the lease of to DONE, once, and lets go of the lease', async () => {
    const ports = orchestratorPorts(aRun({ target: 200 }));
    workersProcessOnEnqueue(ports);
    const { orchestrator } = orchestratorParts(ports);
    await orchestrator.drive('run-1');
    await orchestrator.drive('run-1');
    expect(orchestrator.drivenRunIds()).toEqual(['run-1']);
    await jest.advanceTimersByTimeAsync(1_000);

    expect(ports.runs.get()).toMatchObject({ phase: 'DONE', generated: 200 });
    expect(ports.orders.stored).toHaveLength(200);
    expect(orchestrator.drivenRunIds()).toEqual([]);
    expect(await ports.lease.isHeld('run-1')).toBe(false);
  });

  it('leaves a run alone whose lease another process holds', async () => {
    const ports = orchestratorPorts(aRun());
    ports.lease.held.set('run-1', 'another-process');
    const { orchestrator } = orchestratorParts(ports);
    await orchestrator.drive('run-1');
    expect(orchestrator.drivenRunIds()).toEqual([]);
    expect(ports.orders.insertsStarted).toBe(0);
  });

  it('stops a drive on request, leaving the run as it was, and lets go of the lease', async () => {
    const ports = drainingRun();
    const { orchestrator } = orchestratorParts(ports);
    await orchestrator.drive('run-1');
    await jest.advanceTimersByTimeAsync(2_000);
    const stopped = orchestrator.stop('run-1', 15_000);
    await jest.advanceTimersByTimeAsync(1_000);
    await stopped;

    expect(orchestrator.drivenRunIds()).toEqual([]);
    expect(await ports.lease.isHeld('run-1')).toBe(false);
    expect(ports.runs.get().phase).toBe('WAITING_VIP_DRAIN');
  });

  it('waits for a driver in another process to let go, at most for the time given', async () => {
    const ports = drainingRun();
    ports.lease.held.set('run-1', 'another-process');
    const { orchestrator } = orchestratorParts(ports);
    let returned = false;
    const stopped = orchestrator.stop('run-1', 1_000).then(() => (returned = true));
    await jest.advanceTimersByTimeAsync(500);
    expect(returned).toBe(false);
    ports.lease.held.delete('run-1');
    await jest.advanceTimersByTimeAsync(100);
    await stopped;
    expect(returned).toBe(true);

    ports.lease.held.set('run-1', 'another-process');
    const gaveUp = orchestrator.stop('run-1', 1_000);
    await jest.advanceTimersByTimeAsync(1_100);
    await expect(gaveUp).resolves.toBeUndefined();
  });

  it('stops driving when it hears that another process cancelled the run', async () => {
    const ports = drainingRun();
    const { orchestrator } = orchestratorParts(ports);
    orchestrator.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(orchestrator.drivenRunIds()).toEqual(['run-1']);

    await ports.events.publish({ type: 'phase', payload: { runId: 'run-1', phase: 'ABORTED', previous: 'WAITING_VIP_DRAIN', at: new Date().toISOString() } });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(orchestrator.drivenRunIds()).toEqual([]);
    await orchestrator.onApplicationShutdown();
  });

  it('stops driving when its lease was taken over by another process', async () => {
    const ports = drainingRun();
    const { orchestrator } = orchestratorParts(ports);
    await orchestrator.drive('run-1');
    ports.lease.held.set('run-1', 'another-process');
    await jest.advanceTimersByTimeAsync(LEASE_TTL_MS / 3 + 1_000);
    expect(orchestrator.drivenRunIds()).toEqual([]);
    expect(ports.lease.held.get('run-1')).toBe('another-process');
  });

  it('resumes orphaned runs from boot on, and at shutdown stops its drives and stops looking', async () => {
    const ports = drainingRun();
    const { orchestrator } = orchestratorParts(ports);
    orchestrator.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(orchestrator.drivenRunIds()).toEqual(['run-1']);
    expect(ports.log.lines).toContain('warn resuming run run-1 in phase WAITING_VIP_DRAIN');

    const shutdown = orchestrator.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(1_000);
    await shutdown;
    expect(orchestrator.drivenRunIds()).toEqual([]);
    expect(ports.events.listening).toBe(0);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(orchestrator.drivenRunIds()).toEqual([]);
  });

  it('drives nothing by itself in a process that does not orchestrate', async () => {
    const ports = drainingRun();
    ports.settings = testSettings({ orchestrate: false });
    const { orchestrator } = orchestratorParts(ports);
    orchestrator.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(orchestrator.drivenRunIds()).toEqual([]);
    expect(ports.events.listening).toBe(0);
  });
});
