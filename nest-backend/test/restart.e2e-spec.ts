import { freePort } from '@pedidos/processes';
import { Db } from 'mongodb';
import { Environment } from '../src/infrastructure/config/environment';
import { ApiServerProcess } from './support/backend-process';
import { ordersOfRun, priorityBoundary } from './support/order-checks';
import { Http, httpClient, openDatabase, waitUntil } from './support/running-api';
import { dropTestData, testEnvironment } from './support/test-environment';

const RUN_SIZE = 10_000;

/** The API is killed with SIGKILL in each phase of a run and started again: the run must still end DONE, exactly once. */
describe('backend restart in the middle of a run', () => {
  let env: Environment;
  let db: Db;
  let closeDb: () => Promise<void>;
  let api: ApiServerProcess;
  let http: Http;

  beforeAll(async () => {
    env = testEnvironment('restart', { GENERATION_CHUNK_SIZE: '500', ORDERS_PER_JOB: '500' });
    ({ db, close: closeDb } = await openDatabase(env));
    api = new ApiServerProcess(env, await freePort());
    http = httpClient(() => api.url);
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await closeDb?.();
    if (env) await dropTestData(env);
  });

  const status = async () => (await http.get('/pedidos')).body;
  const crashWhen = async (what: string, condition: (s: any) => boolean, restartWith: Record<string, string> = {}) => {
    const seen = await waitUntil(async () => {
      const current = await status();
      return condition(current) ? current : null;
    }, 180_000, what, 50);
    await api.stop('SIGKILL');
    await api.startServing(restartWith);
    return seen;
  };

  it('resumes after a crash while generating, while draining VIP and while draining NORMAL, and ends DONE with every order processed once', async () => {
    await api.startServing();
    const started = await http.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    const { runId } = started.body;

    // Restarted with another job size: the run goes on with the one it recorded at its start (its orders' job keys use it).
    const duringGeneration = await crashWhen('generation under way', (s) => s.phase === 'GENERATING' && s.progress.generated >= 1_500, { ORDERS_PER_JOB: '700' });
    expect(duringGeneration.progress.generated).toBeLessThan(RUN_SIZE);
    const duringVip = await crashWhen('VIP drain under way', (s) => s.phase === 'WAITING_VIP_DRAIN' && s.counts.vip > 0);
    expect(duringVip.counts.normal).toBe(0);
    await crashWhen('NORMAL drain under way', (s) => s.phase === 'WAITING_NORMAL_DRAIN' && s.counts.normal > 0);

    const final = await waitUntil(async () => {
      const current = await status();
      return ['DONE', 'ERROR', 'ABORTED'].includes(current.phase) ? current : null;
    }, 240_000, 'the run to finish');
    expect(final.phase).toBe('DONE');
    expect(final.lastRunId).toBe(runId);

    const orders = await ordersOfRun(db, runId);
    expect(orders).toMatchObject({ total: RUN_SIZE, processed: RUN_SIZE, pending: 0, failed: 0, touchedTwice: 0 });
    const distinctIds = await db.collection('orders').distinct('id', { runId });
    expect(distinctIds.length).toBe(RUN_SIZE);
    const { lastVip, firstNormal } = await priorityBoundary(db, runId);
    expect(lastVip.getTime()).toBeLessThan(firstNormal.getTime());
    expect(final.counts).toEqual({ vip: orders.vipProcessed, normal: orders.normalProcessed, failed: 0, cancelled: 0 });
    expect(final.progress).toMatchObject({ target: RUN_SIZE, generated: RUN_SIZE, processedTotal: RUN_SIZE });
    const keys = await db.collection('orders').find({ runId }).project<{ seq: number; job: number }>({ _id: 0, seq: 1, job: 1 }).toArray();
    expect(keys.filter(({ seq, job }) => job !== Math.floor(seq / 500))).toEqual([]);
  });
});
