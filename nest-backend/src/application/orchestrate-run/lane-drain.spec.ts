import { REPAIR_AFTER_IDLE_MS } from './lane-repair';
import { aRun, orchestratorParts, orchestratorPorts, stopSignalOf } from './orchestrate-run.fixtures';
import { RunStopped } from './stop-signal';

describe('LaneDrain', () => {
  const run = aRun({ phase: 'WAITING_VIP_DRAIN', generated: 100, vipGenerated: 30, normalGenerated: 70, vipEnqueued: 30 });

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('returns the figures once the counters say the lane settled and neither jobs nor pending orders are left', async () => {
    const ports = orchestratorPorts(run);
    ports.orders.add('run-1', 'VIP', 0, 30, 10, 'processado');
    ports.counters.set('run-1', { vipProcessed: 30, vipStart: 1 });
    const figures = await orchestratorParts(ports).drain.drain(run, 'VIP', stopSignalOf(ports));

    expect(figures).toMatchObject({ failed: 0, processing: { vip: { count: 30 } } });
    expect(ports.metrics.drained).toEqual(['VIP']);
  });

  it('keeps waiting while jobs of the lane are unfinished, even when the counters look settled', async () => {
    const ports = orchestratorPorts(run);
    ports.orders.add('run-1', 'VIP', 0, 30, 10, 'processado');
    ports.counters.set('run-1', { vipProcessed: 30, vipStart: 1 });
    ports.queue.unfinishedJobs.VIP = 1;
    let drained = false;
    const drain = orchestratorParts(ports)
      .drain.drain(run, 'VIP', stopSignalOf(ports))
      .then(() => (drained = true));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(drained).toBe(false);
    ports.queue.unfinishedJobs.VIP = 0;
    await jest.advanceTimersByTimeAsync(1_000);
    await drain;
    expect(ports.queue.enqueued).toEqual([]);
  });

  it('asks the queue and the database every few seconds when the counters lag, and notices the drain', async () => {
    const ports = orchestratorPorts(run);
    ports.orders.add('run-1', 'VIP', 0, 30, 10, 'processado');
    ports.counters.set('run-1', { vipProcessed: 10, vipStart: 1 });
    let drained = false;
    const drain = orchestratorParts(ports)
      .drain.drain(run, 'VIP', stopSignalOf(ports))
      .then((figures) => {
        drained = true;
        return figures;
      });
    await jest.advanceTimersByTimeAsync(4_000);
    expect(drained).toBe(false);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(await drain).toMatchObject({ processing: { vip: { count: 30 } } });
  });

  it('queues the pending orders again when the lane stays idle without jobs, then drains', async () => {
    const ports = orchestratorPorts(run);
    ports.orders.add('run-1', 'VIP', 0, 25, 10, 'processado');
    ports.orders.add('run-1', 'VIP', 25, 5, 10);
    ports.counters.set('run-1', { vipProcessed: 25, vipStart: 1 });
    ports.queue.onEnqueue = () => {
      ports.orders.processAll('run-1', 'VIP');
      ports.counters.set('run-1', { vipProcessed: 30, vipStart: 1 });
    };
    const drain = orchestratorParts(ports).drain.drain(run, 'VIP', stopSignalOf(ports));
    await jest.advanceTimersByTimeAsync(5_000 + REPAIR_AFTER_IDLE_MS + 2_000);
    expect(await drain).toMatchObject({ processing: { vip: { count: 30 } } });
    expect(ports.queue.slices.map(({ from, to }) => [from, to])).toEqual([[20, 30]]);
    expect(ports.log.lines).toContain('warn run run-1: 5 VIP orders pending with no job left; queueing their 1 jobs again');
  });

  it('ends the run in error when repairs keep leaving the same orders pending', async () => {
    const ports = orchestratorPorts(run);
    ports.orders.add('run-1', 'VIP', 0, 30, 10);
    ports.counters.set('run-1', { vipStart: 1 });
    const drain = orchestratorParts(ports).drain.drain(run, 'VIP', stopSignalOf(ports));
    const failure = drain.catch((error: Error) => error.message);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(await failure).toBe('30 VIP orders stay pending although they were queued again 5 times');
    expect(ports.queue.enqueued).toHaveLength(5);
  });

  it('stops at the next poll when this process is asked to stop the run', async () => {
    const ports = orchestratorPorts(run);
    ports.counters.set('run-1', { vipProcessed: 10, vipStart: 1 });
    let stopped = false;
    const drain = orchestratorParts(ports).drain.drain(run, 'VIP', stopSignalOf(ports, 'run-1', () => stopped));
    const outcome = drain.catch((error) => error);
    await jest.advanceTimersByTimeAsync(2_000);
    stopped = true;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(await outcome).toBeInstanceOf(RunStopped);
  });
});
