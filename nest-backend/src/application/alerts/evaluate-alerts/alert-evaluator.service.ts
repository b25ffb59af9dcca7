import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Alert } from '../../../domain/alerts/alert';
import { AlertStore } from '../../../domain/alerts/ports/alert-store.port';
import { EvaluatorLease } from '../../../domain/alerts/ports/evaluator-lease.port';
import { ServiceProbe } from '../../../domain/alerts/ports/service-probe.port';
import { DeadLetterStore } from '../../../domain/ports/dead-letter-store.port';
import { RunCounters } from '../../../domain/ports/run-counters.port';
import { LatestRunCopy } from '../../../domain/ports/latest-run-copy.port';
import { WorkQueue } from '../../../domain/ports/work-queue.port';
import { ProcessRun, withLiveCounters } from '../../../domain/run';
import { RunLog } from '../../run-log/run-log.service';
import { AlertSettings } from '../alert-settings';
import { OneAtATime, within } from '../within';
import { AlertDispatcher } from './alert-dispatcher';
import { AlertLedger } from './alert-ledger';
import { AlertRule, Observation } from './alert-rule';
import { DeadLettersRule } from './dead-letters.rule';
import { LaneStallRule } from './lane-stall.rule';
import { RunErrorRule } from './run-error.rule';
import { UnreachableRule } from './unreachable.rule';
import { VipDeadlineRule } from './vip-deadline.rule';

const READ_TIMEOUT_MS = 2_000;
/** The lease outlives a couple of missed checks; a dead evaluator is replaced within its time. */
const MIN_LEASE_MS = 10_000;
const CHECKS_PER_LEASE = 3;

/**
 * Checks every alert condition every `checkEveryMs`, in one API process at a time (the holder of a lease in
 * Redis; any other API takes over within the lease's time when it dies). A check is one lease claim (which also
 * tells whether Redis answers), then one read of the latest run and its live counters for every rule; the database
 * is read only for the dead-letter count, and rarely. While Redis cannot be reached the holder keeps checking:
 * nobody can take the lease from it then.
 */
@Injectable()
export class AlertEvaluator implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | null = null;
  private stopped = false;
  private leading = false;
  /** Whether the last lease claim (a Redis call) was answered in time: the check's sign that Redis is reachable. */
  private redisAnswered = true;
  private ledger: AlertLedger | null = null;
  private rules: AlertRule[] = [];
  private readonly claims = new OneAtATime<boolean>();
  private readonly reads = new OneAtATime<ProcessRun | null>();

  constructor(
    private readonly settings: AlertSettings,
    private readonly lease: EvaluatorLease,
    private readonly store: AlertStore,
    private readonly runCopy: LatestRunCopy,
    private readonly counters: RunCounters,
    private readonly queue: WorkQueue,
    private readonly deadLetters: DeadLetterStore,
    private readonly probe: ServiceProbe,
    private readonly dispatcher: AlertDispatcher,
    private readonly log: RunLog,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.evaluate) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.checking;
    if (this.leading) await within(this.lease.release(), READ_TIMEOUT_MS, 'releasing the alert lease').catch(() => undefined);
  }

  /** One check: claim or renew the lease, then (holding it) evaluate every rule and record what opened or cleared. */
  async check(at = new Date()): Promise<void> {
    if (!(await this.claimLease())) return;
    const ledger = this.ledger!;
    await ledger.sync();
    const observation = await this.observe(at);
    for (const rule of this.rules) await ledger.apply(rule.kind, await rule.evaluate(observation).catch(() => null), at);
  }

  /** The open alerts as this process decided them, when it is the evaluator (for reads while the store is unreachable). */
  localOpenAlerts(): Alert[] | null {
    return this.leading && this.ledger ? this.ledger.openAlerts() : null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.checking = this.check()
        .catch((error: Error) => this.log.warn(`alert check failed: ${error.message}`))
        .finally(() => {
          this.checking = null;
          this.schedule(this.settings.checkEveryMs);
        });
    }, delayMs);
    this.timer.unref?.();
  }

  private async claimLease(): Promise<boolean> {
    const ttlMs = Math.max(MIN_LEASE_MS, CHECKS_PER_LEASE * this.settings.checkEveryMs);
    let held: boolean;
    try {
      held = await within(this.claims.run(() => this.lease.claim(ttlMs)), READ_TIMEOUT_MS, 'claiming the alert lease');
      this.redisAnswered = true;
    } catch {
      this.redisAnswered = false;
      return this.leading; // cannot tell: keep the role this process had
    }
    if (held && !this.leading) await this.lead();
    if (!held && this.leading) this.follow();
    return held;
  }

  private async lead(): Promise<void> {
    this.leading = true;
    this.rules = this.newRules();
    this.ledger = new AlertLedger(this.store, (change) => this.dispatcher.dispatch(change), randomUUID);
    await this.ledger.load();
    this.log.info('this API process now evaluates alerts');
  }

  private follow(): void {
    this.leading = false;
    this.ledger = null;
    this.rules = [];
  }

  /** Fresh rules for each term as evaluator: their clocks start from what this process sees. */
  private newRules(): AlertRule[] {
    const { stallAfterMs, vipDeadlineMs, deadLettersAtLeast, queueUnreachableAfterMs, databaseUnreachableAfterMs } = this.settings;
    return [
      new UnreachableRule('queue-unreachable', queueUnreachableAfterMs, async () => this.redisAnswered && (await this.probe.queueReachable())),
      new UnreachableRule('database-unreachable', databaseUnreachableAfterMs, () => this.probe.databaseReachable()),
      new LaneStallRule(stallAfterMs, () => within(this.queue.isPaused(), READ_TIMEOUT_MS, 'asking whether the queue is paused')),
      new VipDeadlineRule(vipDeadlineMs),
      new RunErrorRule(),
      new DeadLettersRule(deadLettersAtLeast, this.deadLetters),
    ];
  }

  private async observe(at: Date): Promise<Observation> {
    try {
      return { at, run: await within(this.reads.run(() => this.latestRun()), READ_TIMEOUT_MS, 'reading the latest run') };
    } catch {
      return { at, run: undefined };
    }
  }

  private async latestRun(): Promise<ProcessRun | null> {
    const run = await this.runCopy.read();
    if (!run || run.finishedAt) return run;
    return withLiveCounters(run, await this.counters.read(run.runId));
  }
}
