import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Priority } from '../../domain/order';
import { jobSlices, lastFullSliceEnd, sliceRange } from '../../domain/order-slices';
import { OrderStore } from '../../domain/ports/order-store.port';
import { PipelineMetrics } from '../../domain/ports/pipeline-metrics.port';
import { RunCounters } from '../../domain/ports/run-counters.port';
import { RunEvents } from '../../domain/ports/run-events.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { DriverLease, RunSlot } from '../../domain/ports/run-slot.port';
import { WorkQueue } from '../../domain/ports/work-queue.port';
import { LiveCounters, ProcessRun, recountedWindows } from '../../domain/run';
import { Phase, isActivePhase } from '../../domain/run-phase';
import { makeOrders } from '../generate-orders/order-factory';
import { PipelineSettings } from '../pipeline-settings';
import { RunLog } from '../run-log/run-log.service';
import { countersAreExact, drainPollDelay, laneLooksSettled, laneProcessing } from './drain-signals';
import { PhaseTransitions } from './phase-transitions';

const LEASE_TTL_MS = 10_000;
const ADOPT_EVERY_MS = 3_000;
/** While the counters do not say a lane is settled, the queue and the database are still asked this often. */
const AUDIT_EVERY_MS = 5_000;
/** How long a lane stays idle with orders pending before those orders are queued again, and how often it is checked meanwhile. */
const REPAIR_AFTER_IDLE_MS = 2_000;
const IDLE_POLL_MS = 100;
const REPAIR_BATCH = 100_000;
/** Repairs in a row that leave as many orders pending before the run is declared in ERROR. */
const MAX_FRUITLESS_REPAIRS = 5;
const ENQUEUE_BATCH = 1_000;
/** Chunks stored at once: the next one is built and sent while the database stores the one before. */
const INSERTS_IN_FLIGHT = 2;
const STEP_RETRIES = 8;
/** How often a stop waits for the driver in another process to let go of the run. */
const STOP_POLL_MS = 50;

class RunStopped extends Error {}

/**
 * Drives runs through their phases. It runs in API processes, never on the work queue, so the
 * queue drains for real; a lease in Redis makes one process drive a run and lets another adopt
 * it when that process dies. Every step starts from the persisted run, so a restart resumes.
 */
@Injectable()
export class RunOrchestrator implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly driving = new Map<string, Promise<void>>();
  private readonly stopRequests = new Set<string>();
  private adoptTimer: NodeJS.Timeout | undefined;
  private stopListening: (() => void) | undefined;
  private shuttingDown = false;

  constructor(
    private readonly runs: RunStore,
    private readonly orders: OrderStore,
    private readonly queue: WorkQueue,
    private readonly counters: RunCounters,
    private readonly slot: RunSlot,
    private readonly lease: DriverLease,
    private readonly phases: PhaseTransitions,
    private readonly settings: PipelineSettings,
    private readonly log: RunLog,
    private readonly events: RunEvents,
    private readonly metrics: PipelineMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.orchestrate) return;
    // A cancel may come through another API process: its phase event stops the loop here at the next step.
    this.stopListening = this.events.subscribe((event) => {
      if (event.type === 'phase' && !isActivePhase(event.payload.phase) && this.driving.has(event.payload.runId)) this.stopRequests.add(event.payload.runId);
    });
    void this.adoptOrphans();
    this.adoptTimer = setInterval(() => void this.adoptOrphans(), ADOPT_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.adoptTimer);
    this.stopListening?.();
    for (const runId of this.driving.keys()) this.stopRequests.add(runId);
    await Promise.allSettled(this.driving.values());
  }

  /** Starts driving a run this process just created or unblocked. */
  async drive(runId: string): Promise<void> {
    if (this.driving.has(runId)) return;
    if (await this.lease.acquire(runId, LEASE_TTL_MS)) this.startLoop(runId);
  }

  /**
   * Waits (bounded) until no process drives the run, e.g. on cancel once the run left its active phases: a loop
   * here is asked to stop; one in another process stops on hearing the phase change (or at its next step),
   * and one in a process that died lets go when its lease lapses. Nothing it had in flight lands afterwards.
   */
  async stop(runId: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const loop = this.driving.get(runId);
    if (loop) {
      this.stopRequests.add(runId);
      await Promise.race([loop, sleep(timeoutMs)]);
    }
    while (Date.now() < deadline && (await this.lease.isHeld(runId))) await sleep(STOP_POLL_MS);
  }

  /** The runs this process drives now. */
  drivenRunIds(): string[] {
    return [...this.driving.keys()];
  }

  /** Takes over active runs that no live process drives (after a restart or a crash). */
  private async adoptOrphans(): Promise<void> {
    if (this.shuttingDown) return;
    try {
      for (const run of await this.runs.findActive()) {
        if (this.driving.has(run.runId) || run.awaitingProcess) continue;
        if (await this.lease.acquire(run.runId, LEASE_TTL_MS)) {
          this.log.warn(`resuming run ${run.runId} in phase ${run.phase}`);
          this.startLoop(run.runId);
        }
      }
    } catch (error) {
      this.log.warn(`could not look for runs to resume: ${(error as Error).message}`);
    }
  }

  private startLoop(runId: string): void {
    this.stopRequests.delete(runId);
    const loop = this.loop(runId).finally(() => {
      this.driving.delete(runId);
      this.stopRequests.delete(runId);
      return this.lease.release(runId).catch(() => undefined);
    });
    this.driving.set(runId, loop);
  }

  /** Re-reads the run before every step, so a step that failed half-way resumes from what was recorded. */
  private async loop(runId: string): Promise<void> {
    const renew = setInterval(() => {
      this.lease.renew(runId, LEASE_TTL_MS).then(
        (held) => held || this.stopRequests.add(runId),
        () => undefined,
      );
    }, LEASE_TTL_MS / 3);
    let failures = 0;
    try {
      for (;;) {
        try {
          this.throwIfStopped(runId);
          const run = await this.runs.findById(runId);
          if (!run || !isActivePhase(run.phase) || run.awaitingProcess) return;
          await this.ensureSlot(run);
          await this.advance(run);
          failures = 0;
        } catch (error) {
          if (error instanceof RunStopped) return;
          // A passing fault (database or Redis restarting) is retried with backoff; a lasting one ends the run in ERROR.
          if (++failures >= STEP_RETRIES) return await this.fail(runId, error as Error);
          const waitMs = Math.min(250 * 2 ** failures, 10_000);
          this.log.warn(`run ${runId}: ${(error as Error).message}; retrying in ${waitMs} ms (${failures}/${STEP_RETRIES})`);
          await sleep(waitMs);
        }
      }
    } finally {
      clearInterval(renew);
    }
  }

  /** Does the work of the run's current phase, then moves it to the next one. */
  private async advance(run: ProcessRun): Promise<void> {
    switch (run.phase) {
      case 'GENERATING':
        return this.generate(run);
      case 'ENQUEUE_VIP':
        await this.enqueueRest(run, 'VIP');
        return this.moveOn(run, 'WAITING_VIP_DRAIN');
      case 'WAITING_VIP_DRAIN': {
        const live = await this.awaitDrain(run, 'VIP');
        return this.moveOn(run, 'ENQUEUE_NORMAL', await this.reconcile(run, 'VIP', live));
      }
      case 'ENQUEUE_NORMAL':
        await this.enqueueRest(run, 'NORMAL');
        return this.moveOn(run, 'WAITING_NORMAL_DRAIN');
      case 'WAITING_NORMAL_DRAIN': {
        const live = await this.awaitDrain(run, 'NORMAL');
        const recount = await this.reconcile(run, 'NORMAL', live);
        const finishedAt = new Date();
        await this.moveOn(run, 'DONE', { ...recount, finishedAt });
        await this.slot.release(run.runId);
        this.log.info(`run ${run.runId} DONE in ${finishedAt.getTime() - run.createdAt.getTime()} ms`);
        return;
      }
      default:
        return;
    }
  }

  private async generate(run: ProcessRun): Promise<void> {
    const { runId, target, autoProcess } = run;
    // The run's own job size, not this process's ORDERS_PER_JOB: a restart with another setting resumes as the run began.
    const perJob = run.ordersPerJob;
    const cursor = { vip: run.vipGenerated, normal: run.normalGenerated };
    const place = { runId, ordersPerJob: perJob, cursor };
    let { generated, vipEnqueued, enqueueVipTimeMs } = run;
    const dropped = await this.orders.deleteUnrecorded(runId, cursor.vip, cursor.normal);
    if (dropped > 0) this.log.warn(`run ${runId}: dropped ${dropped} orders of a chunk stored but not recorded before a restart`);
    if (generated > 0) this.log.info(`run ${runId}: generation resumes at ${generated} of ${target}`);
    let lastLog = Date.now();
    const inFlight: { stored: Promise<void>; marks: Pick<ProcessRun, 'generated' | 'vipGenerated' | 'normalGenerated'> }[] = [];
    try {
      while (generated < target || inFlight.length > 0) {
        if (generated < target && inFlight.length < INSERTS_IN_FLIGHT) {
          await this.throwIfCancelled(runId);
          const size = Math.min(this.settings.generationChunkSize, target - generated);
          const stored = this.orders.insertMany(makeOrders(place, size, new Date()));
          stored.catch(() => undefined); // awaited in order below; failing before its turn is not an unhandled rejection
          generated += size;
          inFlight.push({ stored, marks: { generated, vipGenerated: cursor.vip, normalGenerated: cursor.normal } });
          continue;
        }
        const { stored, marks } = inFlight.shift()!;
        await stored;
        // Recorded in order, so after a crash every order past the marks belongs to an unrecorded chunk.
        await this.runs.update(runId, marks);

        const vipReady = lastFullSliceEnd(vipEnqueued, marks.vipGenerated, perJob);
        if (autoProcess && vipReady > vipEnqueued) {
          this.throwIfStopped(runId);
          const started = Date.now();
          await this.queue.enqueue(sliceRange(runId, 'VIP', vipEnqueued, vipReady, perJob));
          enqueueVipTimeMs += Date.now() - started;
          vipEnqueued = vipReady;
          await this.runs.update(runId, { vipEnqueued, enqueueVipTimeMs });
        }
        if (Date.now() - lastLog >= this.settings.logProgressEveryMs) {
          lastLog = Date.now();
          this.log.info(`run ${runId}: generated ${marks.generated} of ${target} orders`);
        }
      }
    } finally {
      // A retry starts by dropping unrecorded orders: no insert of this attempt may land after that.
      await Promise.allSettled(inFlight.map(({ stored }) => stored));
    }
    const generationEndedAt = new Date();
    if (run.generationStartedAt) this.metrics.generationFinished((generationEndedAt.getTime() - run.generationStartedAt.getTime()) / 1000);
    this.log.info(`run ${runId}: ${generated} orders stored (${cursor.vip} VIP, ${cursor.normal} NORMAL)`);
    if (autoProcess) {
      await this.moveOn(run, 'ENQUEUE_VIP', { generationEndedAt });
    } else {
      await this.runs.update(runId, { generationEndedAt, awaitingProcess: true });
      this.log.info(`run ${runId} waits for POST /pedidos/process`);
    }
  }

  /** Queues every slice past the lane's high-water mark, recording the mark as it goes. */
  private async enqueueRest(run: ProcessRun, priority: Priority): Promise<void> {
    const vip = priority === 'VIP';
    const end = vip ? run.vipGenerated : run.normalGenerated;
    let enqueued = vip ? run.vipEnqueued : run.normalEnqueued;
    let spentMs = vip ? run.enqueueVipTimeMs : run.enqueueNormalTimeMs;
    const perJob = run.ordersPerJob;
    while (enqueued < end) {
      await this.throwIfCancelled(run.runId);
      const batchEnd = Math.min(end, enqueued + ENQUEUE_BATCH * perJob);
      const started = Date.now();
      await this.queue.enqueue(sliceRange(run.runId, priority, enqueued, batchEnd, perJob));
      spentMs += Date.now() - started;
      enqueued = batchEnd;
      await this.runs.update(
        run.runId,
        vip ? { vipEnqueued: enqueued, enqueueVipTimeMs: spentMs } : { normalEnqueued: enqueued, enqueueNormalTimeMs: spentMs },
      );
    }
    this.log.info(`run ${run.runId}: ${end} ${priority} orders queued in ${spentMs} ms`);
  }

  /**
   * Waits until no job of the lane is left and no order of that priority is pending. Each poll reads
   * the live counters (one Redis command); the queue and the database are asked only when the counters
   * say the lane is settled, and every few seconds in case they lag. A lane that stays idle while
   * orders are pending lost jobs (Redis restart, manual clean): they are queued again.
   */
  private async awaitDrain(run: ProcessRun, priority: Priority): Promise<LiveCounters | null> {
    const waitingSince = Date.now();
    let idleSince: number | null = null;
    let lastAudit = waitingSince;
    let fruitlessRepairs = 0;
    let pendingAtLastRepair = Infinity;
    let lastLog = Date.now();
    let lastLogged = -1;
    for (;;) {
      this.throwIfStopped(run.runId);
      const live = await this.counters.read(run.runId);
      const now = Date.now();
      if (idleSince !== null || laneLooksSettled(run, priority, live) || now - lastAudit >= AUDIT_EVERY_MS) {
        lastAudit = now;
        const pending = await this.pendingWithIdleLane(run.runId, priority);
        if (pending === 0) {
          this.metrics.laneDrained(priority, (Date.now() - waitingSince) / 1000);
          return live;
        }
        if (pending === null) {
          idleSince = null;
        } else if (idleSince === null) {
          idleSince = now;
        } else if (now - idleSince >= REPAIR_AFTER_IDLE_MS) {
          await this.throwIfCancelled(run.runId);
          fruitlessRepairs = pending < pendingAtLastRepair ? 0 : fruitlessRepairs + 1;
          if (fruitlessRepairs >= MAX_FRUITLESS_REPAIRS) {
            throw new Error(`${pending} ${priority} orders stay pending although they were queued again ${MAX_FRUITLESS_REPAIRS} times`);
          }
          pendingAtLastRepair = pending;
          const jobs = await this.orders.pendingJobs(run.runId, priority, REPAIR_BATCH);
          const generated = priority === 'VIP' ? run.vipGenerated : run.normalGenerated;
          this.log.warn(`run ${run.runId}: ${pending} ${priority} orders pending with no job left; queueing their ${jobs.length} jobs again`);
          await this.queue.enqueue(jobSlices(run.runId, priority, jobs, run.ordersPerJob, generated), `repair-${Date.now()}`);
          idleSince = null;
        }
      }
      const { processed, total } = laneProcessing(run, priority, live);
      if (processed !== lastLogged && now - lastLog >= this.settings.logProgressEveryMs) {
        lastLog = now;
        lastLogged = processed;
        this.log.info(`run ${run.runId}: ${processed} of ${total} ${priority} orders processed`);
      }
      await sleep(idleSince === null ? drainPollDelay(run, priority, live, waitingSince, now) : IDLE_POLL_MS);
    }
  }

  /** Orders of the lane still pending once no job of it is left, or null while jobs are left. */
  private async pendingWithIdleLane(runId: string, priority: Priority): Promise<number | null> {
    if ((await this.queue.unfinished(priority)) > 0) return null;
    return this.orders.countPending(runId, priority);
  }

  /**
   * The run's figures once a lane drained. The live counters may miss a slice a crash interrupted;
   * unless they account for every order that can be settled by now, the orders are recounted.
   */
  private async reconcile(run: ProcessRun, priority: Priority, live: LiveCounters | null): Promise<Partial<ProcessRun>> {
    if (live && countersAreExact(run, priority, live)) {
      return { failed: live.failed, processing: recountedWindows(run, live, live) };
    }
    const tally = await this.orders.tally(run.runId);
    await this.counters.overwriteCounts(run.runId, {
      vipProcessed: tally.vipProcessed,
      normalProcessed: tally.normalProcessed,
      failed: tally.failed,
    });
    return { failed: tally.failed, processing: recountedWindows(run, tally, await this.counters.read(run.runId)) };
  }

  private async moveOn(run: ProcessRun, to: Phase, changes: Partial<ProcessRun> = {}): Promise<void> {
    if (!(await this.phases.move(run.runId, run.phase, to, changes))) throw new RunStopped(`run ${run.runId} left ${run.phase} elsewhere`);
  }

  /** The run slot is the workers' go-ahead; it is restored if Redis lost it while the run is still active. */
  private async ensureSlot(run: ProcessRun): Promise<void> {
    const holder = await this.slot.holder();
    if (holder === run.runId) return;
    if (holder === null && (await this.slot.claim(run.runId)) === null) {
      // A cancel may have aborted the run and freed the slot between our read and this claim.
      const current = await this.runs.findById(run.runId);
      if (!current || !isActivePhase(current.phase)) {
        await this.slot.release(run.runId);
        throw new RunStopped();
      }
      this.log.warn(`run ${run.runId}: run slot restored`);
      return;
    }
    throw new Error(`run ${run.runId} is active but run ${holder} holds the run slot`);
  }

  /**
   * Between chunks and batches: stops when the run lost its slot to a cancel, which may have come
   * through another API process (a local stop request only covers this one).
   */
  private async throwIfCancelled(runId: string): Promise<void> {
    this.throwIfStopped(runId);
    if ((await this.slot.holder()) === runId) return;
    const current = await this.runs.findById(runId);
    if (!current || !isActivePhase(current.phase)) throw new RunStopped();
  }

  private throwIfStopped(runId: string): void {
    if (this.stopRequests.has(runId)) throw new RunStopped();
  }

  private async fail(runId: string, error: Error): Promise<void> {
    this.log.error(`run ${runId} failed: ${error.message}`);
    try {
      const run = await this.runs.findById(runId);
      if (!run || !isActivePhase(run.phase)) return;
      const reason = error.message || String(error);
      await this.phases.move(runId, run.phase, 'ERROR', { errorReason: reason, finishedAt: new Date() });
      await this.slot.release(runId);
      await this.queue.discardQueued();
    } catch (cleanupError) {
      this.log.error(`run ${runId}: could not record the failure: ${(cleanupError as Error).message}`);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
