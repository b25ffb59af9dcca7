import { Db } from 'mongodb';
import { Environment } from '../../../src/infrastructure/config/environment';
import { ApiServerProcess, WorkerProcess } from '../../support/backend-process';
import { expectMetricsMatchDatabase, expectStoredExactlyOnce, waitForIntakeSettled } from '../../support/event-checks';
import { EventTraffic, TrafficOutcome, TrafficPlan } from '../../support/event-traffic';
import { OwnFerretDb, OwnRedis } from '../../support/own-services';
import { Http, freePort, httpClient, openDatabase } from '../../support/running-api';
import { databaseNameOf, dropTestData, testEnvironment } from '../../support/test-environment';

export interface EventsFaultStackOptions {
  suite: string;
  /** A redis-server of the suite's own (AOF, fsync always) it can kill; else the shared one. */
  ownRedis?: boolean;
  /** A FerretDB of the suite's own it can stop; else the shared server. */
  ownDatabase?: boolean;
  /** Environment for both processes (EVENTS_BATCH_SIZE, EVENTS_FLUSH_MS, …). */
  settings?: Record<string, string>;
}

/** What every events fault suite runs against: the built API and one consumer process, both real. */
export interface EventsFaultStack {
  env: Environment;
  /** `dist/main.js`; consumes no events (RUN_WORKERS_IN_API=false), so the consumer is the only one. */
  api: ApiServerProcess;
  /** `dist/worker.js`: the process that batches and stores the events. */
  consumer: WorkerProcess;
  http: Http;
  db: Db;
  redis: OwnRedis | null;
  ferret: OwnFerretDb | null;
  /** Starts a new consumer process (the old one must have ended) with `changes` to the environment. */
  replaceConsumer(changes?: Partial<Environment>): Promise<void>;
  /** Bounded intake traffic against the API, with eventIds of this suite. */
  traffic(plan: Partial<TrafficPlan> & Pick<TrafficPlan, 'events'>): EventTraffic;
  /**
   * After a fault: waits until the pipeline settled, then checks every accepted eventId is stored
   * exactly once (or dead-lettered, for those in `deadLettered`) and the metrics equal the database.
   */
  expectSettledExactlyOnce(outcome: TrafficOutcome, options?: { deadLettered?: ReadonlySet<string>; timeoutMs?: number }): Promise<any>;
}

const DEFAULT_PLAN: Omit<TrafficPlan, 'events' | 'tag'> = { clients: 8, batchSize: 25, singleEvery: 3, pauseMs: 5, timeoutMs: 60_000 };

/** Starts the stack for the describe block (services, processes, database) and removes everything afterwards. */
export function useEventsFaultStack(options: EventsFaultStackOptions): EventsFaultStack {
  const stack = {} as EventsFaultStack;
  let closeDb: (() => Promise<void>) | undefined;
  let traffic = 0;

  beforeAll(async () => {
    stack.redis = options.ownRedis ? new OwnRedis(await freePort()) : null;
    stack.ferret = options.ownDatabase ? new OwnFerretDb(await freePort(), 'pedidos_events_faults_test') : null;
    await Promise.all([stack.redis?.start(), stack.ferret?.start()]);
    const settings = { RUN_WORKERS_IN_API: 'false', EVENTS_RATE_LIMIT_PER_MINUTE: '0', ...options.settings };
    let env = testEnvironment(options.suite, { ...settings, ...(stack.redis && { REDIS_URL: stack.redis.url }) });
    // Same naming (and "test" check) as every suite, on the suite's own server when it has one.
    if (stack.ferret) env = testEnvironment(options.suite, { ...settings, REDIS_URL: env.REDIS_URL, MONGO_URI: stack.ferret.uri(databaseNameOf(env)) });
    stack.env = env;
    ({ db: stack.db, close: closeDb } = await openDatabase(env));
    stack.api = new ApiServerProcess(env, await freePort());
    stack.consumer = new WorkerProcess(env);
    stack.http = httpClient(() => stack.api.url);
    await stack.api.startServing();
    await stack.consumer.startConsuming();
  });

  afterAll(async () => {
    try {
      await stack.consumer?.stop('SIGKILL');
      await stack.api?.stop('SIGKILL');
      await closeDb?.();
      if (stack.env) {
        if (stack.redis && !stack.redis.running) await stack.redis.start();
        if (stack.ferret && !stack.ferret.running) await stack.ferret.start();
        await dropTestData(stack.env);
      }
    } finally {
      await stack.redis?.destroy();
      await stack.ferret?.stop('SIGKILL');
    }
  });

  stack.replaceConsumer = async (changes = {}) => {
    if (stack.consumer.running) throw new Error('replaceConsumer: the consumer still runs; stop it first');
    stack.consumer = new WorkerProcess({ ...stack.env, ...changes });
    await stack.consumer.startConsuming();
  };

  stack.traffic = (plan) => new EventTraffic(() => stack.api.url, { ...DEFAULT_PLAN, tag: `${options.suite}-${++traffic}`, ...plan });

  stack.expectSettledExactlyOnce = async (outcome, { deadLettered = new Set<string>(), timeoutMs = 60_000 } = {}) => {
    const expected = { stored: outcome.accepted.size - deadLettered.size, deadLettered: deadLettered.size };
    const metrics = await waitForIntakeSettled(stack.http, stack.db, expected, timeoutMs).catch((error: Error) => {
      throw new Error(`${error.message}\n--- api ---\n${stack.api.output.slice(-3_000)}\n--- consumer ---\n${stack.consumer.output.slice(-3_000)}`);
    });
    const withOutput = (error: Error) => {
      const { timeline: _timeline, ...summary } = metrics;
      error.message += `\nmetrics ${JSON.stringify(summary)}\n--- consumer ---\n${stack.consumer.output.slice(-6_000)}`;
      throw error;
    };
    const stored = await expectStoredExactlyOnce(stack.db, outcome, deadLettered).catch(withOutput);
    await expectMetricsMatchDatabase(stack.db, metrics).catch(withOutput);
    return { metrics, stored };
  };
  return stack;
}
