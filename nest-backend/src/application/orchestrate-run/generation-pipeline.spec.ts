import { aRun, orchestratorParts, orchestratorPorts, stopSignalOf } from './orchestrate-run.fixtures';
import { RunStopped } from './stop-signal';

/** Waits until the pipeline has reached its next await on the fakes. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function seqsOf(ports: ReturnType<typeof orchestratorPorts>, priority: 'VIP' | 'NORMAL'): number[] {
  return ports.orders.of('run-1', priority).map((order) => order.seq).sort((a, b) => a - b);
}

describe('GenerationPipeline', () => {
  it('stores every order once, numbering each priority from 0, and records the marks after each chunk', async () => {
    const ports = orchestratorPorts(aRun({ autoProcess: false }));
    const endedAt = await orchestratorParts(ports).generation.generate(ports.runs.get(), stopSignalOf(ports));

    const run = ports.runs.get();
    expect(run).toMatchObject({ generated: 100, vipEnqueued: 0 });
    expect(run.vipGenerated + run.normalGenerated).toBe(100);
    expect(seqsOf(ports, 'VIP')).toEqual([...Array(run.vipGenerated).keys()]);
    expect(seqsOf(ports, 'NORMAL')).toEqual([...Array(run.normalGenerated).keys()]);
    expect(ports.runs.updates.map((update) => update.generated)).toEqual([20, 40, 60, 80, 100]);
    expect(ports.queue.enqueued).toEqual([]);
    expect(endedAt).toBeInstanceOf(Date);
    expect(ports.metrics.generations).toHaveLength(1);
  });

  it('keeps two inserts in flight, and records a chunk only once it is stored', async () => {
    const ports = orchestratorPorts(aRun({ autoProcess: false }));
    ports.orders.holdInserts = true;
    const generated = orchestratorParts(ports).generation.generate(ports.runs.get(), stopSignalOf(ports));
    await settle();
    expect(ports.orders.insertsStarted).toBe(2);
    expect(ports.runs.get().generated).toBe(0);

    ports.orders.landNext();
    await settle();
    expect(ports.runs.get().generated).toBe(20);
    expect(ports.orders.insertsStarted).toBe(3);
    expect(ports.orders.heldInserts).toBe(2);

    ports.orders.holdInserts = false;
    while (ports.orders.heldInserts > 0) ports.orders.landNext();
    await generated;
    expect(ports.runs.get().generated).toBe(100);
  });

  it('in a one-step run, queues full VIP slices while generating and records how far', async () => {
    const ports = orchestratorPorts(aRun());
    await orchestratorParts(ports).generation.generate(ports.runs.get(), stopSignalOf(ports));

    const run = ports.runs.get();
    const fullVipEnd = Math.floor(run.vipGenerated / 10) * 10;
    expect(run.vipEnqueued).toBe(fullVipEnd);
    expect(ports.queue.slices.every((slice) => slice.priority === 'VIP' && slice.to - slice.from === 10)).toBe(true);
    expect(ports.queue.slices.map((slice) => slice.from)).toEqual([...Array(fullVipEnd / 10).keys()].map((job) => job * 10));
  });

  it('after a restart, drops the orders of a chunk stored but not recorded and goes on from the marks', async () => {
    const ports = orchestratorPorts(aRun({ autoProcess: false, generated: 40, vipGenerated: 10, normalGenerated: 30 }));
    ports.orders.add('run-1', 'VIP', 0, 14, 10);
    ports.orders.add('run-1', 'NORMAL', 0, 46, 10);
    await orchestratorParts(ports).generation.generate(ports.runs.get(), stopSignalOf(ports));

    const run = ports.runs.get();
    expect(run.generated).toBe(100);
    expect(seqsOf(ports, 'VIP')).toEqual([...Array(run.vipGenerated).keys()]);
    expect(seqsOf(ports, 'NORMAL')).toEqual([...Array(run.normalGenerated).keys()]);
    expect(ports.log.lines).toContain('warn run run-1: dropped 20 orders of a chunk stored but not recorded before a restart');
  });

  it('stops at a cancel only once the inserts in flight have landed, so none lands after', async () => {
    const ports = orchestratorPorts(aRun({ autoProcess: false }));
    ports.orders.holdInserts = true;
    let stopped = false;
    const generated = orchestratorParts(ports).generation.generate(ports.runs.get(), stopSignalOf(ports, 'run-1', () => stopped));
    const outcome = generated.then(
      () => 'finished',
      (error) => (error instanceof RunStopped ? 'stopped' : error),
    );
    await settle();
    ports.orders.landNext();
    await settle();
    stopped = true;
    ports.orders.landNext();
    await settle();
    expect(ports.orders.heldInserts).toBe(1);
    expect(await Promise.race([outcome, settle().then(() => 'waiting')])).toBe('waiting');

    ports.orders.landNext();
    expect(await outcome).toBe('stopped');
    expect(ports.orders.insertsStarted).toBe(3);
    expect(ports.orders.stored).toHaveLength(60);
  });

  it('fails when a chunk cannot be stored, after the other insert in flight settled', async () => {
    const ports = orchestratorPorts(aRun({ autoProcess: false }));
    ports.orders.holdInserts = true;
    ports.orders.failNextInsert(new Error('database unreachable'));
    const generated = orchestratorParts(ports).generation.generate(ports.runs.get(), stopSignalOf(ports));
    const outcome = generated.catch((error: Error) => error.message);
    await settle();
    ports.orders.landNext();
    await settle();
    expect(await Promise.race([outcome, settle().then(() => 'waiting')])).toBe('waiting');
    ports.orders.landNext();
    expect(await outcome).toBe('database unreachable');
    expect(ports.runs.get().generated).toBe(0);
  });
});
