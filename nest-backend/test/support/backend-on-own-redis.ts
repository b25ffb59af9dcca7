import { freePort } from '@pedidos/processes';
import { Db } from 'mongodb';
import { Environment } from '../../src/infrastructure/config/environment';
import { ApiServerProcess, WorkerProcess } from './backend-process';
import { Http, httpClient, openDatabase } from './running-api';
import { testEnvironment } from './test-environment';

/**
 * An API and a worker process of the built backend on a Redis of the test's own (a cluster, Sentinels), with the
 * test's own database. The test stops that Redis itself, so only the database is cleaned up here.
 */
export class BackendOnOwnRedis {
  private constructor(
    readonly env: Environment,
    readonly db: Db,
    private readonly closeDb: () => Promise<void>,
    readonly api: ApiServerProcess,
    readonly worker: WorkerProcess,
  ) {}

  static async start(suite: string, redisUrl: string, overrides: Record<string, string> = {}): Promise<BackendOnOwnRedis> {
    const env = testEnvironment(suite, { REDIS_URL: redisUrl, GENERATION_CHUNK_SIZE: '1000', ...overrides });
    const { db, close } = await openDatabase(env);
    const backend = new BackendOnOwnRedis(env, db, close, new ApiServerProcess(env, await freePort()), new WorkerProcess(env));
    await backend.api.startServing();
    await backend.worker.startConsuming();
    return backend;
  }

  get http(): Http {
    return httpClient(() => this.api.url);
  }

  /** Starts another API with `redisUrl` and expects the boot to stop (exit 78) with a message naming REDIS_URL and `problem`. */
  async expectBootRefused(redisUrl: string, problem: RegExp): Promise<void> {
    const api = new ApiServerProcess({ ...this.env, REDIS_URL: redisUrl }, await freePort());
    await expect(api.start(/never/, 20_000)).rejects.toThrow(/exited \(code 78\)[\s\S]*REDIS_URL=/);
    expect(api.output).toMatch(problem);
  }

  async stop(): Promise<void> {
    await this.worker.stop('SIGKILL');
    await this.api.stop('SIGKILL');
    await this.db.dropDatabase().catch(() => undefined);
    await this.closeDb();
  }
}
