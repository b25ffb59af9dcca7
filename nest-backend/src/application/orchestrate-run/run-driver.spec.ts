import { aRun, orchestratorParts, orchestratorPorts, workersProcessOnEnqueue } from './orchestrate-run.fixtures';
import { STEP_RETRIES } from './step-retries';

describe('RunDriver', () => {
  afterEach(() => jest.useRealTimers());

  it('drives a run through its steps to DONE', async () => {
    const ports = orchestratorPorts(aRun({ target: 200 }));
    workersProcessOnEnqueue(ports);
    await orchestratorParts(ports).driver.drive('run-1', () => false);
    expect(ports.runs.get()).toMatchObject({ phase: 'DONE', generated: 200 });
  });

  it('retries a step that failed with backoff, and the run goes on from what was recorded', async () => {
    jest.useFakeTimers();
    const ports = orchestratorPorts(aRun({ target: 200 }));
    workersProcessOnEnqueue(ports);
    ports.orders.failNextInsert(new Error('database restarting'));
    const driven = orchestratorParts(ports).driver.drive('run-1', () => false);
    await jest.advanceTimersByTimeAsync(5_000);
    await driven;
    expect(ports.runs.get()).toMatchObject({ phase: 'DONE', generated: 200 });
    expect(ports.log.lines).toContain(`warn run run-1: database restarting; retrying in 500 ms (1/${STEP_RETRIES})`);
    expect(ports.orders.stored).toHaveLength(200);
  });

  it('ends the run in ERROR once the step failed STEP_RETRIES times in a row', async () => {
    jest.useFakeTimers();
    const ports = orchestratorPorts(aRun());
    jest.spyOn(ports.orders, 'insertMany').mockRejectedValue(new Error('disk full'));
    const driven = orchestratorParts(ports).driver.drive('run-1', () => false);
    await jest.advanceTimersByTimeAsync(60_000);
    await driven;
    expect(ports.runs.get()).toMatchObject({ phase: 'ERROR', errorReason: 'disk full' });
    expect(ports.log.lines.filter((line) => line.includes('retrying in'))).toHaveLength(STEP_RETRIES - 1);
  });

  it('ends the drive without touching the run when this process is asked to stop', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'WAITING_VIP_DRAIN', generated: 100, vipGenerated: 30, normalGenerated: 70 }));
    await orchestratorParts(ports).driver.drive('run-1', () => true);
    expect(ports.runs.get().phase).toBe('WAITING_VIP_DRAIN');
    expect(ports.runs.updates).toEqual([]);
  });

  it('lets a two-step run wait for POST /pedidos/process, and a finished run alone', async () => {
    const waiting = orchestratorPorts(aRun({ awaitingProcess: true }));
    await orchestratorParts(waiting).driver.drive('run-1', () => false);
    expect(waiting.orders.insertsStarted).toBe(0);

    const done = orchestratorPorts(aRun({ phase: 'DONE' }));
    await orchestratorParts(done).driver.drive('run-1', () => false);
    expect(done.runs.updates).toEqual([]);
  });
});
