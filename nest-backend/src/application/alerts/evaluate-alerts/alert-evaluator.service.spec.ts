import { AlertChange } from '../../../domain/alerts/alert';
import { ServiceProbe } from '../../../domain/alerts/ports/service-probe.port';
import { DeadLetterStore } from '../../../domain/ports/dead-letter-store.port';
import { RunCounters } from '../../../domain/ports/run-counters.port';
import { LatestRunCopy } from '../../../domain/ports/latest-run-copy.port';
import { WorkQueue } from '../../../domain/ports/work-queue.port';
import { ProcessRun } from '../../../domain/run';
import { RunLog } from '../../run-log/run-log.service';
import { AlertSettings } from '../alert-settings';
import { MemoryAlertStore, SharedLease, told } from './alert.fixtures';
import { AlertDispatcher } from './alert-dispatcher';
import { AlertEvaluator } from './alert-evaluator.service';
import { runAt } from './rule.fixtures';

const settings = new AlertSettings({
  checkEveryMs: 1_000,
  stallAfterMs: 10_000,
  vipDeadlineMs: 0,
  deadLettersAtLeast: 1,
  queueUnreachableAfterMs: 2_000,
  databaseUnreachableAfterMs: 5_000,
  recentKept: 100,
  evaluate: true,
  webhook: { url: null, timeoutMs: 1_000, attempts: 1, backoffMs: 0 },
});

describe('AlertEvaluator', () => {
  let latest: ProcessRun | null;
  let redisUp: boolean;
  let changes: AlertChange[];
  let store: MemoryAlertStore;
  let lease: SharedLease;

  const latestRun = { read: async () => (redisUp ? latest : new Promise<never>(() => undefined)) } as unknown as LatestRunCopy;
  const counters = { read: async () => null } as unknown as RunCounters;
  const queue = { isPaused: async () => true } as unknown as WorkQueue;
  const deadLetters = { listOpen: async () => ({ total: 0, items: [] }) } as unknown as DeadLetterStore;
  const probe: ServiceProbe = { queueReachable: async () => redisUp, databaseReachable: async () => true };
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as RunLog;
  const dispatcher = { dispatch: (change: AlertChange) => changes.push(change) } as unknown as AlertDispatcher;
  const evaluator = (owner: string) => new AlertEvaluator(settings, lease.for(owner), store, latestRun, counters, queue, deadLetters, probe, dispatcher, log);
  const t = (seconds: number) => new Date(seconds * 1000);

  beforeEach(() => {
    latest = runAt({ phase: 'WAITING_VIP_DRAIN', vip: 100 });
    redisUp = true;
    changes = [];
    store = new MemoryAlertStore();
    lease = new SharedLease();
  });

  it('with two API processes, the one holding the lease evaluates: each condition is told once', async () => {
    const [one, two] = [evaluator('api-1'), evaluator('api-2')];
    for (let second = 0; second <= 12; second++) {
      await one.check(t(second));
      await two.check(t(second));
    }
    expect(told(changes)).toEqual(['open lane-stalled:VIP']);
    expect(two.localOpenAlerts()).toBeNull();
    expect(one.localOpenAlerts()).toHaveLength(1);
  });

  it('when the evaluator goes away, another takes over the open alerts and clears them without telling them again', async () => {
    const one = evaluator('api-1');
    for (let second = 0; second <= 10; second++) await one.check(t(second));
    await one.onApplicationShutdown();
    const two = evaluator('api-2');
    latest = runAt({ phase: 'WAITING_VIP_DRAIN', vip: 200 });
    await two.check(t(11));
    expect(told(changes)).toEqual(['open lane-stalled:VIP', 'cleared lane-stalled:VIP']);
    expect(store.openByKey.size).toBe(0);
  });

  it('while Redis is unreachable the evaluator keeps its role and reports it; run conditions stay as they were', async () => {
    const one = evaluator('api-1');
    for (let second = 0; second <= 10; second++) await one.check(t(second));
    redisUp = false;
    lease.reachable = false;
    store.reachable = false;
    // Each of these checks waits the 2 s a read may take before it counts as unanswered.
    for (let second = 11; second <= 13; second++) await one.check(t(second));
    expect(told(changes)).toEqual(['open lane-stalled:VIP', 'open queue-unreachable']);
    redisUp = true;
    lease.reachable = true;
    store.reachable = true;
    await one.check(t(14));
    expect(told(changes)).toEqual(['open lane-stalled:VIP', 'open queue-unreachable', 'cleared queue-unreachable']);
    expect(store.recent.map((alert) => alert.key)).toEqual(['queue-unreachable']);
  }, 30_000);
});
