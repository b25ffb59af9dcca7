import { DeadLetterStore } from '../../domain/ports/dead-letter-store.port';
import { OrderStore } from '../../domain/ports/order-store.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { DriverLease, RunSlot } from '../../domain/ports/run-slot.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { RetryScope } from '../../domain/retry-scope';
import { newRun, ProcessRun } from '../../domain/run';
import { Phase } from '../../domain/run-phase';
import { PhaseTransitions } from '../orchestrate-run/phase-transitions';
import { RunOrchestrator } from '../orchestrate-run/run-orchestrator.service';
import { RunLog } from '../run-log/run-log.service';
import { RetryFailedOrders } from './retry-failed-orders.service';

/** Fakes of the ports that record, in one list, what happened in which order. */
function setUp(options: { phase?: Phase; failed?: number; slotHolder?: string | null } = {}) {
  const steps: string[] = [];
  let run: ProcessRun = { ...newRun('run-1', 1000, true, new Date(0), 100), phase: options.phase ?? 'DONE', failed: 5, vipGenerated: 250, normalGenerated: 750 };
  run.processing = { vip: { start: new Date(1), end: new Date(2), count: 248 }, normal: { start: new Date(3), end: new Date(4), count: 747 } };
  let slotHolder = options.slotHolder ?? null;
  let leased = false;
  const runs = { findLatest: async () => run };
  const orders = {
    countFailed: async () => options.failed ?? 3,
    resetFailed: async (_runId: string, scope: RetryScope) => {
      steps.push(`reset ${scope.kind} (lease ${leased ? 'held' : 'free'}, phase ${run.phase})`);
      return options.failed ?? 3;
    },
    pendingJobs: async () => {
      steps.push('pending VIP jobs');
      return [0, 2];
    },
  };
  const deadLetters = { markRetried: async (_runId: string, scope: RetryScope) => void steps.push(`dead letters ${scope.kind}`) };
  const counters = { overwriteCounts: async (_runId: string, counts: object) => void steps.push(`counters ${JSON.stringify(counts)}`) };
  const slot = {
    claim: async (runId: string) => {
      if (slotHolder !== null) return slotHolder;
      slotHolder = runId;
      steps.push('slot claimed');
      return null;
    },
    release: async () => {
      slotHolder = null;
      steps.push('slot released');
    },
  };
  const lease = {
    acquire: async () => {
      leased = true;
      steps.push('lease held');
      return true;
    },
    release: async () => {
      leased = false;
      steps.push('lease released');
    },
  };
  const phases = {
    move: async (_runId: string, from: Phase, to: Phase, changes: Partial<ProcessRun>) => {
      steps.push(`${from} -> ${to} ${JSON.stringify(changes)}`);
      run = { ...run, phase: to };
      return true;
    },
  };
  const orchestrator = { drive: async () => void steps.push(`drive (lease ${leased ? 'held' : 'free'})`) };
  const queue = { enqueue: async (slices: { priority: string; from: number; to: number }[], tag: string) => void steps.push(`queue ${slices.map((s) => `${s.priority} ${s.from}-${s.to}`).join(', ')} as ${tag.replace(/\d+/, 'T')}`) };
  const log = { warn: jest.fn(), info: jest.fn(), error: jest.fn() };
  const service = new RetryFailedOrders(
    runs as unknown as RunStore,
    orders as unknown as OrderStore,
    deadLetters as unknown as DeadLetterStore,
    counters as unknown as RunCounters,
    slot as unknown as RunSlot,
    lease as unknown as DriverLease,
    phases as unknown as PhaseTransitions,
    orchestrator as unknown as RunOrchestrator,
    queue as unknown as WorkQueue,
    log as unknown as RunLog,
  );
  return { service, steps, slot: () => slotHolder };
}

describe('RetryFailedOrders.retry', () => {
  it('puts the orders back while it holds the driver lease, after reopening, and lets a driver in only then', async () => {
    const { service, steps, slot } = setUp();
    await expect(service.retry({ kind: 'run' })).resolves.toEqual({ runId: 'run-1', requeued: 3 });
    expect(steps).toEqual([
      'slot claimed',
      'lease held',
      'DONE -> WAITING_VIP_DRAIN {"failed":2,"finishedAt":null}',
      'reset run (lease held, phase WAITING_VIP_DRAIN)',
      'counters {"vipProcessed":248,"normalProcessed":747,"failed":2}',
      'dead letters run',
      'pending VIP jobs',
      'queue VIP 0-100, VIP 200-250 as retry-T',
      'lease released',
      'drive (lease free)',
    ]);
    // The reopened run keeps the slot: nothing else starts until it is DONE again.
    expect(slot()).toBe('run-1');
  });

  it('queues nothing itself for NORMAL orders: the NORMAL drain queues them after the VIP lane', async () => {
    const lane = setUp();
    await lane.service.retry({ kind: 'lane', priority: 'NORMAL' });
    const job = setUp();
    await job.service.retry({ kind: 'slice', slice: { runId: 'run-1', priority: 'NORMAL', job: 3, from: 300, to: 400 } });
    for (const { steps } of [lane, job]) {
      expect(steps).toContain('DONE -> WAITING_VIP_DRAIN {"failed":2,"finishedAt":null}');
      expect(steps.filter((step) => step.startsWith('queue') || step.startsWith('pending'))).toEqual([]);
    }
  });

  it('reopens nothing when the scope holds no failed order, and frees the slot', async () => {
    const { service, steps, slot } = setUp({ failed: 0 });
    await expect(service.retry({ kind: 'orders', orderIds: ['a'] })).resolves.toEqual({ runId: 'run-1', requeued: 0 });
    expect(steps).toEqual(['slot claimed', 'lease held', 'dead letters orders', 'lease released', 'slot released']);
    expect(slot()).toBeNull();
  });

  it('refuses while another run holds the slot, touching nothing', async () => {
    const { service, steps } = setUp({ slotHolder: 'run-2' });
    await expect(service.retry({ kind: 'run' })).rejects.toMatchObject({ code: 'RUN_ALREADY_ACTIVE' });
    expect(steps).toEqual([]);
  });

  it('refuses an active latest run and an earlier run before claiming anything', async () => {
    const active = setUp({ phase: 'WAITING_NORMAL_DRAIN' });
    await expect(active.service.retry({ kind: 'run' })).rejects.toMatchObject({ code: 'RUN_ALREADY_ACTIVE' });
    const earlier = setUp();
    await expect(earlier.service.retry({ kind: 'run' }, 'run-0')).rejects.toMatchObject({ code: 'NOTHING_TO_PROCESS' });
    expect([...active.steps, ...earlier.steps]).toEqual([]);
  });
});
