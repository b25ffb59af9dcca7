import { Phase } from '../../domain/run-phase';
import { aRun, orchestratorParts, orchestratorPorts, stopSignalOf, workersProcessOnEnqueue } from './orchestrate-run.fixtures';
import { RunStopped } from './stop-signal';

/** Advances the run step by step until it leaves the pipeline's phases; returns the phases it went through. */
async function advanceToTheEnd(ports: ReturnType<typeof orchestratorPorts>): Promise<Phase[]> {
  const { sequence } = orchestratorParts(ports);
  const phases: Phase[] = [];
  for (let run = ports.runs.get(); ['GENERATING', 'ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN'].includes(run.phase); run = ports.runs.get()) {
    phases.push(run.phase);
    await sequence.advance(run, stopSignalOf(ports));
    if (run.awaitingProcess || ports.runs.get().awaitingProcess) break;
  }
  return phases;
}

describe('VipFirstSequence', () => {
  it('takes a one-step run through every phase to DONE, queueing no NORMAL order before every VIP order is processed', async () => {
    const ports = orchestratorPorts(aRun({ target: 500 }));
    const vipPendingWhenNormalQueued: number[] = [];
    workersProcessOnEnqueue(ports, (slice) => {
      if (slice.priority === 'NORMAL') vipPendingWhenNormalQueued.push(ports.orders.of('run-1', 'VIP').filter((order) => order.status === 'pendente').length);
    });

    expect(await advanceToTheEnd(ports)).toEqual(['GENERATING', 'ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN']);
    const run = ports.runs.get();
    expect(run).toMatchObject({ phase: 'DONE', generated: 500, failed: 0, vipEnqueued: run.vipGenerated, normalEnqueued: run.normalGenerated });
    expect(run.processing.vip.count + run.processing.normal.count).toBe(500);
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect(vipPendingWhenNormalQueued.length).toBeGreaterThan(0);
    expect(vipPendingWhenNormalQueued.every((pending) => pending === 0)).toBe(true);
    expect(ports.slot.heldBy).toBeNull();
    expect(ports.events.published.map((event) => event.type === 'phase' && event.payload.phase)).toEqual([
      'ENQUEUE_VIP',
      'WAITING_VIP_DRAIN',
      'ENQUEUE_NORMAL',
      'WAITING_NORMAL_DRAIN',
      'DONE',
    ]);
  });

  it('leaves a two-step run waiting for POST /pedidos/process once its orders are stored', async () => {
    const ports = orchestratorPorts(aRun({ autoProcess: false }));
    expect(await advanceToTheEnd(ports)).toEqual(['GENERATING']);
    expect(ports.runs.get()).toMatchObject({ phase: 'GENERATING', awaitingProcess: true, generated: 100 });
    expect(ports.runs.get().generationEndedAt).toBeInstanceOf(Date);
    expect(ports.queue.enqueued).toEqual([]);
  });

  it('stops without moving the run when it left its phase elsewhere (a cancel) during the step', async () => {
    const ports = orchestratorPorts(aRun({ phase: 'ENQUEUE_VIP', generated: 100, vipGenerated: 30, normalGenerated: 70 }));
    const run = ports.runs.get();
    ports.queue.onEnqueue = () => ports.runs.byId.set('run-1', { ...ports.runs.get(), phase: 'ABORTED' });
    await expect(orchestratorParts(ports).sequence.advance(run, stopSignalOf(ports))).rejects.toBeInstanceOf(RunStopped);
    expect(ports.runs.get().phase).toBe('ABORTED');
  });
});
