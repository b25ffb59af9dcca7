import { freePort } from '@pedidos/processes';
import { Db } from 'mongodb';
import { Environment } from '../../src/infrastructure/config/environment';
import { ApiServerProcess, WorkerProcess } from './backend-process';
import { OwnFerretDb, OwnRedis } from './own-services';
import { PhaseWatch } from './phase-watch';
import { Http, httpClient, openDatabase } from './running-api';
import { databaseNameOf, dropTestData, testEnvironment } from './test-environment';

export interface FaultSuiteOptions {
  /** Names the suite's database and Redis prefix. */
  suite: string;
  /** Environment of the API and the worker (ORDERS_PER_JOB, RUN_WORKERS_IN_API, …). */
  settings?: Record<string, string>;
  /** A redis-server of the suite's own (AOF, fsync always) that it can kill; else the shared one. */
  ownRedis?: boolean;
  /** A FerretDB of the suite's own, on this PostgreSQL database, that it can stop; else the shared server. */
  ownDatabase?: string;
  /** A worker process (`dist/worker.js`) beside the API. */
  worker?: boolean;
  /** A PhaseWatch that records the run's phases from the start. */
  phaseWatch?: boolean;
  /** Starts the API (and the worker) before the tests; else the tests start them. */
  startProcesses?: boolean;
}

/**
 * What a fault suite runs against: the built API as a real process (and a worker, when asked), the suite's
 * database, and the servers of its own it breaks. Filled in before the suite's tests run.
 */
export class FaultSuite {
  env: Environment;
  db: Db;
  http: Http;
  /** `dist/main.js`, on a free port. */
  api: ApiServerProcess;
  /** `dist/worker.js` (when the options ask for one). */
  worker: WorkerProcess;
  redis: OwnRedis | null = null;
  ferret: OwnFerretDb | null = null;
  watch: PhaseWatch;

  /** Starts the API (and the worker) where not running yet, then a run of `quantity` orders; answers its runId. */
  async startRun(quantity: number): Promise<string> {
    if (!this.api.running) await this.api.startServing();
    if (this.worker && !this.worker.running) await this.worker.startConsuming();
    const started = await this.http.post(`/pedidos/generate?quantity=${quantity}`);
    expect(started.status).toBe(202);
    return started.body.runId;
  }
}

/**
 * Sets up the describe block's fault suite (its own servers, environment, database and processes) in a
 * beforeAll, and in an afterAll kills the processes, brings back a server the test left down so that the
 * test data can be dropped, and removes its own servers. `suite` may be a subclass that adds helpers.
 */
export function useFaultSuite<S extends FaultSuite>(options: FaultSuiteOptions, suite: S = new FaultSuite() as S): S {
  let closeDb: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    suite.redis = options.ownRedis ? new OwnRedis(await freePort()) : null;
    suite.ferret = options.ownDatabase ? new OwnFerretDb(await freePort(), options.ownDatabase) : null;
    await Promise.all([suite.redis?.start(), suite.ferret?.start()]);
    const settings = { ...options.settings, ...(suite.redis && { REDIS_URL: suite.redis.url }) };
    let env = testEnvironment(options.suite, settings);
    // Same naming (and "test" check) as every suite, on the suite's own server when it has one.
    if (suite.ferret) env = testEnvironment(options.suite, { ...settings, REDIS_URL: env.REDIS_URL, MONGO_URI: suite.ferret.uri(databaseNameOf(env)) });
    suite.env = env;
    ({ db: suite.db, close: closeDb } = await openDatabase(env));
    suite.api = new ApiServerProcess(env, await freePort());
    if (options.worker) suite.worker = new WorkerProcess(env);
    if (options.phaseWatch) suite.watch = await PhaseWatch.start(env);
    suite.http = httpClient(() => suite.api.url);
    if (options.startProcesses) {
      await suite.api.startServing();
      await suite.worker?.startConsuming();
    }
  });

  afterAll(async () => {
    try {
      suite.watch?.close();
      await suite.worker?.stop('SIGKILL');
      await suite.api?.stop('SIGKILL');
      await closeDb?.();
      if (suite.env) {
        if (suite.redis && !suite.redis.running) await suite.redis.start();
        if (suite.ferret && !suite.ferret.running) await suite.ferret.start();
        await dropTestData(suite.env);
      }
    } finally {
      await suite.redis?.destroy();
      await suite.ferret?.stop('SIGKILL');
    }
  });

  return suite;
}
