import { Order, Priority } from '../../domain/order';
import { OrderSlice } from '../../domain/order-slices';
import { OrderStore, OrderTally, tallyOf } from '../../domain/ports/order-store.port';
import { PipelineMetrics } from '../../domain/ports/pipeline-metrics.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { LogBook, RunEvent, RunEvents } from '../../domain/ports/run-events.port';
import { DriverLease, RunSlot } from '../../domain/ports/run-slot.port';
import { RunPage, RunStore } from '../../domain/ports/run-store.port';
import { JobCounts, LaneJob, QueuedJob, WorkQueue } from '../../domain/ports/work-queue.port';
import { LiveCounters, ProcessRun, newRun } from '../../domain/run';
import { Phase, isActivePhase } from '../../domain/run-phase';
import { PipelineSettings } from '../pipeline-settings';
import { RunLog } from '../run-log/run-log.service';
import { DrainedLaneFigures } from './drained-lane-figures';
import { FailRun } from './fail-run';
import { GenerationPipeline } from './generation-pipeline';
import { LaneDrain } from './lane-drain';
import { LaneEnqueue } from './lane-enqueue';
import { LaneRepair } from './lane-repair';
import { LeaseKeeper } from './lease-keeper';
import { PhaseTransitions } from './phase-transitions';
import { ResumeOrphanedRuns } from './resume-orphaned-runs';
import { RunDriver } from './run-driver';
import { RunOrchestrator } from './run-orchestrator.service';
import { RunSlotGuard } from './run-slot-guard';
import { VipFirstSequence } from './vip-first-sequence';
import { StopSignal } from './stop-signal';

/** In-memory fakes of the ports the orchestrator uses; a method it never calls throws. */

function unused(): never {
  throw new Error('not used by the orchestrator');
}

/** A one-step run `run-1` of 100 orders, 10 per job, in GENERATING, with `changes` applied. */
export function aRun(changes: Partial<ProcessRun> = {}): ProcessRun {
  return { ...newRun('run-1', 100, true, new Date(0), 10), ...changes };
}

export class MemoryRunStore extends RunStore {
  readonly byId = new Map<string, ProcessRun>();
  /** Every `update`, in order: what a crash would leave recorded. */
  readonly updates: Partial<ProcessRun>[] = [];
  failFindActive: Error | null = null;

  constructor(...runs: ProcessRun[]) {
    super();
    for (const run of runs) this.byId.set(run.runId, run);
  }

  get(runId = 'run-1'): ProcessRun {
    const run = this.byId.get(runId);
    if (!run) throw new Error(`no run ${runId}`);
    return run;
  }

  async create(run: ProcessRun): Promise<void> {
    this.byId.set(run.runId, run);
  }
  async update(runId: string, changes: Partial<ProcessRun>): Promise<void> {
    this.updates.push(changes);
    this.byId.set(runId, { ...this.get(runId), ...changes });
  }
  async transition(runId: string, from: Phase, to: Phase, changes: Partial<ProcessRun> = {}): Promise<boolean> {
    const run = this.byId.get(runId);
    if (!run || run.phase !== from) return false;
    this.byId.set(runId, { ...run, ...changes, phase: to });
    return true;
  }
  async findById(runId: string): Promise<ProcessRun | null> {
    const run = this.byId.get(runId);
    return run ? { ...run } : null;
  }
  async findActive(): Promise<ProcessRun[]> {
    if (this.failFindActive) throw this.failFindActive;
    return [...this.byId.values()].filter((run) => isActivePhase(run.phase));
  }
  findLatest(): Promise<ProcessRun | null> {
    return unused();
  }
  list(): Promise<RunPage> {
    return unused();
  }
  deleteAll(): Promise<number> {
    return unused();
  }
}

/** Orders reduced to what the orchestrator looks at: run, priority, seq, job and status. */
type StoredOrder = Pick<Order, 'runId' | 'priority' | 'seq' | 'job' | 'status'>;

export class MemoryOrderStore extends OrderStore {
  readonly stored: StoredOrder[] = [];
  /** Each `insertMany` waits for its turn to be let through (`landNext`) while `holdInserts` is set. */
  holdInserts = false;
  insertsStarted = 0;
  private readonly held: (() => void)[] = [];
  private readonly failures: Error[] = [];

  /** Makes the next insert fail (after storing nothing). */
  failNextInsert(error: Error): void {
    this.failures.push(error);
  }

  /** Lets the oldest held insert store its orders. */
  landNext(): void {
    this.held.shift()?.();
  }

  get heldInserts(): number {
    return this.held.length;
  }

  /** Puts orders in the store directly: `count` pending orders of a lane from `from` on. */
  add(runId: string, priority: Priority, from: number, count: number, ordersPerJob: number, status: StoredOrder['status'] = 'pendente'): void {
    for (let seq = from; seq < from + count; seq++) this.stored.push({ runId, priority, seq, job: Math.floor(seq / ordersPerJob), status });
  }

  /** Marks every pending order of the lane processed, as workers would. */
  processAll(runId: string, priority: Priority): void {
    for (const order of this.of(runId, priority)) if (order.status === 'pendente') order.status = 'processado';
  }

  of(runId: string, priority: Priority): StoredOrder[] {
    return this.stored.filter((order) => order.runId === runId && order.priority === priority);
  }

  async insertMany(orders: Order[]): Promise<void> {
    this.insertsStarted++;
    if (this.holdInserts) await new Promise<void>((resolve) => this.held.push(resolve));
    const failure = this.failures.shift();
    if (failure) throw failure;
    for (const { runId, priority, seq, job, status } of orders) this.stored.push({ runId, priority, seq, job, status });
  }
  async deleteUnrecorded(runId: string, vipGenerated: number, normalGenerated: number): Promise<number> {
    const unrecorded = (order: StoredOrder) => order.runId === runId && order.seq >= (order.priority === 'VIP' ? vipGenerated : normalGenerated);
    const before = this.stored.length;
    this.stored.splice(0, this.stored.length, ...this.stored.filter((order) => !unrecorded(order)));
    return before - this.stored.length;
  }
  async tally(runId: string): Promise<OrderTally> {
    return tallyOf(
      (priority, status) =>
        this.stored.filter((order) => order.runId === runId && (priority === null || order.priority === priority) && order.status === status).length,
    );
  }
  async countPending(runId: string, priority: Priority): Promise<number> {
    return this.of(runId, priority).filter((order) => order.status === 'pendente').length;
  }
  async pendingJobs(runId: string, priority: Priority, limit: number): Promise<number[]> {
    const jobs = new Set(this.of(runId, priority).filter((order) => order.status === 'pendente').map((order) => order.job));
    return [...jobs].sort((a, b) => a - b).slice(0, limit);
  }
  markProcessed(): Promise<number> {
    return unused();
  }
  markFailed(): Promise<number> {
    return unused();
  }
  pendingIn(): Promise<{ id: string; seq: number }[]> {
    return unused();
  }
  resetFailed(): Promise<number> {
    return unused();
  }
  countFailed(): Promise<number> {
    return unused();
  }
  deletePending(): Promise<number> {
    return unused();
  }
  deleteAll(): Promise<number> {
    return unused();
  }
}

/** Records what is queued; `unfinishedJobs` is what a lane reports as not finished. */
export class MemoryWorkQueue extends WorkQueue {
  readonly enqueued: { slices: OrderSlice[]; requeueTag?: string }[] = [];
  readonly unfinishedJobs: Record<Priority, number> = { VIP: 0, NORMAL: 0 };
  discards = 0;
  /** Called after each `enqueue`, e.g. to let fake workers process what was queued. */
  onEnqueue: (slices: OrderSlice[]) => void = () => undefined;

  /** Every slice queued so far, in order. */
  get slices(): OrderSlice[] {
    return this.enqueued.flatMap(({ slices }) => slices);
  }

  async enqueue(slices: OrderSlice[], requeueTag?: string): Promise<void> {
    this.enqueued.push({ slices, requeueTag });
    this.onEnqueue(slices);
  }
  async unfinished(priority: Priority): Promise<number> {
    return this.unfinishedJobs[priority];
  }
  async discardQueued(): Promise<number> {
    this.discards++;
    return 0;
  }
  counts(): Promise<JobCounts> {
    return unused();
  }
  pause(): Promise<void> {
    return unused();
  }
  resume(): Promise<void> {
    return unused();
  }
  isPaused(): Promise<boolean> {
    return unused();
  }
  removeInState(): Promise<number> {
    return unused();
  }
  jobs(): Promise<{ jobs: QueuedJob[]; total: number }> {
    return unused();
  }
  removeAll(): Promise<void> {
    return unused();
  }
  findJob(): Promise<LaneJob | null> {
    return unused();
  }
  failedJobs(): Promise<LaneJob[]> {
    return unused();
  }
  removeFailed(): Promise<number> {
    return unused();
  }
  consume(): Promise<void> {
    return unused();
  }
}

export class MemoryRunSlot extends RunSlot {
  constructor(public heldBy: string | null = null) {
    super();
  }
  async claim(runId: string): Promise<string | null> {
    if (this.heldBy !== null) return this.heldBy;
    this.heldBy = runId;
    return null;
  }
  async holder(): Promise<string | null> {
    return this.heldBy;
  }
  async release(runId: string): Promise<void> {
    if (this.heldBy === runId) this.heldBy = null;
  }
  async clear(): Promise<void> {
    this.heldBy = null;
  }
}

/** Leases by run id, held by `owner`; another owner's lease is taken by setting `held` directly. */
export class MemoryDriverLease extends DriverLease {
  readonly held = new Map<string, string>();
  renewals = 0;
  failRenewals = false;

  constructor(private readonly owner = 'this-process') {
    super();
  }
  async acquire(runId: string): Promise<boolean> {
    if (this.held.has(runId)) return false;
    this.held.set(runId, this.owner);
    return true;
  }
  async renew(runId: string): Promise<boolean> {
    this.renewals++;
    if (this.failRenewals) throw new Error('redis unreachable');
    return this.held.get(runId) === this.owner;
  }
  async release(runId: string): Promise<void> {
    if (this.held.get(runId) === this.owner) this.held.delete(runId);
  }
  async isHeld(runId: string): Promise<boolean> {
    return this.held.has(runId);
  }
}

export class MemoryRunCounters extends RunCounters {
  readonly byRun = new Map<string, LiveCounters>();

  /** Sets the run's counters, zero where not given. */
  set(runId: string, changes: Partial<LiveCounters>): void {
    this.byRun.set(runId, { vipProcessed: 0, normalProcessed: 0, failed: 0, vipStart: null, vipEnd: null, normalStart: null, normalEnd: null, ...changes });
  }
  async read(runId: string): Promise<LiveCounters | null> {
    const live = this.byRun.get(runId);
    return live ? { ...live } : null;
  }
  async overwriteCounts(runId: string, counts: Pick<LiveCounters, 'vipProcessed' | 'normalProcessed' | 'failed'>): Promise<void> {
    this.set(runId, { ...this.byRun.get(runId), ...counts });
  }
  recordProcessed(): Promise<void> {
    return unused();
  }
  recordFailed(): Promise<void> {
    return unused();
  }
  delete(): Promise<void> {
    return unused();
  }
  deleteAll(): Promise<void> {
    return unused();
  }
}

export class RecordingMetrics extends PipelineMetrics {
  readonly generations: number[] = [];
  readonly drained: Priority[] = [];

  generationFinished(seconds: number): void {
    this.generations.push(seconds);
  }
  laneDrained(priority: Priority): void {
    this.drained.push(priority);
  }
  sliceAttempted(): void {}
  ordersProcessed(): void {}
  ordersDeadLettered(): void {}
}

export class MemoryRunEvents extends RunEvents {
  readonly published: RunEvent[] = [];
  private readonly listeners = new Set<(event: RunEvent) => void>();

  async publish(event: RunEvent): Promise<void> {
    this.published.push(event);
    for (const listener of this.listeners) listener(event);
  }
  subscribe(listener: (event: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  get listening(): number {
    return this.listeners.size;
  }
}

export function testSettings(changes: Partial<ConstructorParameters<typeof PipelineSettings>[0]> = {}): PipelineSettings {
  return new PipelineSettings({
    maxOrders: 1_000_000,
    generationChunkSize: 20,
    ordersPerJob: 10,
    queueConcurrency: 1,
    logProgressEveryMs: 60_000,
    backendLogs: false,
    maxAttempts: 3,
    processName: 'api',
    runWorkers: false,
    orchestrate: true,
    ...changes,
  });
}

/** The log lines, by level, instead of the console. */
export class RecordingRunLog extends RunLog {
  readonly lines: string[] = [];

  constructor() {
    super(testSettings(), {} as LogBook, new MemoryRunEvents());
  }
  override info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  override warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  override error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}

/** Every port of the orchestrator in memory, around one run, with the real phase transitions over them. */
export function orchestratorPorts(run: ProcessRun = aRun()) {
  const runs = new MemoryRunStore(run);
  const events = new MemoryRunEvents();
  const log = new RecordingRunLog();
  return {
    runs,
    orders: new MemoryOrderStore(),
    queue: new MemoryWorkQueue(),
    slot: new MemoryRunSlot(isActivePhase(run.phase) ? run.runId : null),
    lease: new MemoryDriverLease(),
    counters: new MemoryRunCounters(),
    metrics: new RecordingMetrics(),
    events,
    log,
    settings: testSettings(),
    phases: new PhaseTransitions(runs, events, log),
  };
}

export type OrchestratorPorts = ReturnType<typeof orchestratorPorts>;

/** The stop signal of the ports' run: `requested` says whether this process was asked to stop it. */
export function stopSignalOf(ports: OrchestratorPorts, runId = 'run-1', requested: () => boolean = () => false): StopSignal {
  return new StopSignal(runId, requested, ports.slot, ports.runs);
}

/** The real parts of the orchestrator, wired as Nest wires them, over the in-memory ports. */
export function orchestratorParts(ports: OrchestratorPorts) {
  const { runs, orders, queue, slot, lease, counters, metrics, events, log, settings, phases } = ports;
  const generation = new GenerationPipeline(orders, runs, queue, settings, metrics, log);
  const enqueue = new LaneEnqueue(queue, runs, log);
  const repair = new LaneRepair(queue, orders, log);
  const drain = new LaneDrain(counters, repair, new DrainedLaneFigures(orders, counters), metrics, settings, log);
  const sequence = new VipFirstSequence(generation, enqueue, drain, phases, runs, slot, log);
  const driver = new RunDriver(runs, slot, new RunSlotGuard(slot, runs, log), sequence, new FailRun(runs, phases, slot, queue, log), log);
  const leaseKeeper = new LeaseKeeper(lease);
  const orchestrator = new RunOrchestrator(leaseKeeper, driver, new ResumeOrphanedRuns(runs, leaseKeeper, log), events, settings);
  return { generation, enqueue, repair, drain, sequence, driver, orchestrator };
}

/**
 * Fake workers: every slice queued is processed at once (its pending orders marked processed) and counted
 * in the live counters, as the real workers count. `beforeEach` sees each slice first.
 */
export function workersProcessOnEnqueue(ports: OrchestratorPorts, beforeEach: (slice: OrderSlice) => void = () => undefined): void {
  ports.queue.onEnqueue = (slices) => {
    for (const slice of slices) {
      beforeEach(slice);
      let processed = 0;
      for (const order of ports.orders.of(slice.runId, slice.priority)) {
        if (order.seq < slice.from || order.seq >= slice.to || order.status !== 'pendente') continue;
        order.status = 'processado';
        processed++;
      }
      const live = ports.counters.byRun.get(slice.runId);
      const vip = slice.priority === 'VIP';
      ports.counters.set(slice.runId, {
        ...live,
        vipProcessed: (live?.vipProcessed ?? 0) + (vip ? processed : 0),
        normalProcessed: (live?.normalProcessed ?? 0) + (vip ? 0 : processed),
        ...(vip ? { vipStart: live?.vipStart ?? Date.now() } : { normalStart: live?.normalStart ?? Date.now() }),
      });
    }
  };
}
