import { Db } from 'mongodb';
import { Environment } from '../../src/infrastructure/config/environment';
import { expectProcessedExactlyOnce, waitForRunEnd, waitForStatus } from '../support/exactly-once';
import { ApiProcess, Http, freePort, httpClient, openDatabase } from '../support/running-api';
import { dropTestData, testEnvironment } from '../support/test-environment';
import { WorkerProcess } from '../support/backend-process';

// Large enough that the VIP lane (~2,500 orders in jobs of 100) is still being processed between polls on a fast server.
const RUN_SIZE = 10_000;

/**
 * Workers in their own process, killed with SIGKILL while they hold jobs: their jobs stay "active"
 * until their locks lapse, then a worker started again takes them over as stalled jobs.
 */
describe('fault: a worker process is killed with SIGKILL', () => {
  let env: Environment;
  let db: Db;
  let closeDb: () => Promise<void>;
  let api: ApiProcess;
  let worker: WorkerProcess;
  let http: Http;

  beforeAll(async () => {
    env = testEnvironment('fault_worker_kill', {
      RUN_WORKERS_IN_API: 'false',
      GENERATION_CHUNK_SIZE: '1000',
      ORDERS_PER_JOB: '100',
      ORDERS_QUEUE_CONCURRENCY: '8',
    });
    ({ db, close: closeDb } = await openDatabase(env));
    api = new ApiProcess(env, await freePort());
    worker = new WorkerProcess(env);
    http = httpClient(() => api.url);
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.kill('SIGKILL');
    await closeDb?.();
    if (env) await dropTestData(env);
  });

  /** Waits for `condition`, then kills the worker with SIGKILL while it holds jobs, and starts a new one. */
  const killWorkerWhen = async (what: string, condition: (status: any) => boolean) => {
    const seen = await waitForStatus(http, condition, 180_000, what, 50);
    const { active } = (await http.get('/pedidos/queue/status')).body.totals;
    const exit = await worker.stop('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    await worker.startConsuming();
    return { seen, activeAtKill: active };
  };

  it('ends DONE with every order processed exactly once and VIP first, after a worker crash in VIP and in NORMAL processing', async () => {
    await api.start();
    await worker.startConsuming();
    const started = await http.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    const { runId } = started.body;

    const duringVip = await killWorkerWhen('VIP processing under way', (s) => s.counts.vip >= 200 && s.counts.normal === 0 && s.counts.vip < s.progress.vipTarget - 400);
    expect(duringVip.seen.counts.normal).toBe(0);
    expect(duringVip.activeAtKill).toBeGreaterThan(0);
    const duringNormal = await killWorkerWhen('NORMAL processing under way', (s) => s.phase === 'WAITING_NORMAL_DRAIN' && s.counts.normal >= 200 && s.counts.normal < s.progress.normalTarget - 1_000);
    expect(duringNormal.activeAtKill).toBeGreaterThan(0);

    const final = await waitForRunEnd(http, 180_000);
    expect(final.phase).toBe('DONE');
    expect(final.lastRunId).toBe(runId);
    const orders = await expectProcessedExactlyOnce(db, runId, RUN_SIZE);
    expect(final.counts).toEqual({ vip: orders.vipProcessed, normal: orders.normalProcessed, failed: 0, cancelled: 0 });
    expect((await http.get('/pedidos/queue/status')).body.totals).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });
  });
});
