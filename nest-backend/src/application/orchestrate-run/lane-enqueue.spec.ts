import { aRun, orchestratorParts, orchestratorPorts, stopSignalOf } from './orchestrate-run.fixtures';
import { RunStopped } from './stop-signal';

describe('LaneEnqueue', () => {
  it('queues the lane from its high-water mark to its last order, one slice per job, recording the mark', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'ENQUEUE_VIP', generated: 100, vipGenerated: 35, normalGenerated: 65, vipEnqueued: 20 }));
    await orchestratorParts(ports).enqueue.enqueueRest(ports.runs.get(), 'VIP', stopSignalOf(ports));

    expect(ports.queue.slices.map(({ priority, from, to }) => [priority, from, to])).toEqual([
      ['VIP', 20, 30],
      ['VIP', 30, 35],
    ]);
    expect(ports.runs.get()).toMatchObject({ vipEnqueued: 35, normalEnqueued: 0 });
  });

  it('hands a long lane over in batches of 1,000 jobs, recording the mark after each', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'ENQUEUE_NORMAL', target: 25_000, generated: 25_000, vipGenerated: 0, normalGenerated: 25_000 }));
    await orchestratorParts(ports).enqueue.enqueueRest(ports.runs.get(), 'NORMAL', stopSignalOf(ports));

    expect(ports.queue.enqueued.map(({ slices }) => slices.length)).toEqual([1_000, 1_000, 500]);
    expect(ports.runs.updates.map((update) => update.normalEnqueued)).toEqual([10_000, 20_000, 25_000]);
  });

  it('stops between batches once a cancel took the slot', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'ENQUEUE_NORMAL', target: 25_000, generated: 25_000, vipGenerated: 0, normalGenerated: 25_000 }));
    ports.queue.onEnqueue = () => {
      ports.slot.heldBy = null;
      ports.runs.byId.set('run-1', { ...ports.runs.get(), phase: 'ABORTED' });
    };
    await expect(orchestratorParts(ports).enqueue.enqueueRest(ports.runs.get(), 'NORMAL', stopSignalOf(ports))).rejects.toBeInstanceOf(RunStopped);
    expect(ports.queue.enqueued).toHaveLength(1);
  });
});
