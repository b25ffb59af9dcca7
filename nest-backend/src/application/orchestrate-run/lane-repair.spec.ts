import { IdleLane, MAX_FRUITLESS_REPAIRS, REPAIR_AFTER_IDLE_MS } from './lane-repair';
import { aRun, orchestratorParts, orchestratorPorts } from './orchestrate-run.fixtures';

describe('IdleLane', () => {
  it('calls for a repair once the lane stayed idle with orders pending for REPAIR_AFTER_IDLE_MS', () => {
    const lane = new IdleLane();
    expect(lane.repairDue(1_000)).toBe(false);
    expect(lane.idle).toBe(true);
    expect(lane.repairDue(1_000 + REPAIR_AFTER_IDLE_MS - 1)).toBe(false);
    expect(lane.repairDue(1_000 + REPAIR_AFTER_IDLE_MS)).toBe(true);
  });

  it('starts the idle time over when jobs show up, and after a repair', () => {
    const lane = new IdleLane();
    lane.repairDue(0);
    lane.busy();
    expect(lane.idle).toBe(false);
    expect(lane.repairDue(REPAIR_AFTER_IDLE_MS)).toBe(false);
    lane.repairing(50, 'VIP');
    expect(lane.idle).toBe(false);
  });

  it('gives up when repairs in a row leave as many orders pending', () => {
    const lane = new IdleLane();
    lane.repairing(50, 'NORMAL');
    for (let i = 1; i < MAX_FRUITLESS_REPAIRS; i++) lane.repairing(50, 'NORMAL');
    expect(() => lane.repairing(50, 'NORMAL')).toThrow(`50 NORMAL orders stay pending although they were queued again ${MAX_FRUITLESS_REPAIRS} times`);
  });

  it('keeps repairing while each repair leaves fewer orders pending', () => {
    const lane = new IdleLane();
    for (let pending = 50; pending > 40; pending--) lane.repairing(pending, 'VIP');
  });
});

describe('LaneRepair', () => {
  it('counts the pending orders of the lane only once no job of it is left', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'WAITING_VIP_DRAIN' }));
    ports.orders.add('run-1', 'VIP', 0, 5, 10);
    ports.queue.unfinishedJobs.VIP = 1;
    const { repair } = orchestratorParts(ports);
    expect(await repair.pendingWithIdleLane('run-1', 'VIP')).toBeNull();
    ports.queue.unfinishedJobs.VIP = 0;
    expect(await repair.pendingWithIdleLane('run-1', 'VIP')).toBe(5);
  });

  it('queues again, as new jobs, the whole slices of the jobs that hold pending orders', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'WAITING_VIP_DRAIN', vipGenerated: 35 }));
    ports.orders.add('run-1', 'VIP', 0, 35, 10, 'processado');
    ports.orders.of('run-1', 'VIP')[12].status = 'pendente';
    ports.orders.of('run-1', 'VIP')[33].status = 'pendente';
    await orchestratorParts(ports).repair.requeuePending(ports.runs.get(), 'VIP', 2);

    const [{ slices, requeueTag }] = ports.queue.enqueued;
    expect(slices.map(({ job, from, to }) => [job, from, to])).toEqual([
      [1, 10, 20],
      [3, 30, 35],
    ]);
    expect(requeueTag).toMatch(/^repair-\d+$/);
  });
});
