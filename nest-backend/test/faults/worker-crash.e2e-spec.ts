import { expectProcessedExactlyOnce, waitForRunEnd, waitForStatus } from '../support/exactly-once';
import { useFaultSuite } from '../support/fault-suite';

// Large enough that the VIP lane (~2,500 orders in jobs of 100) is still being processed between polls on a fast server.
const RUN_SIZE = 10_000;

/**
 * Workers in their own process, killed with SIGKILL while they hold jobs: their jobs stay "active"
 * until their locks lapse, then a worker started again takes them over as stalled jobs.
 */
describe('fault: a worker process is killed with SIGKILL', () => {
  const suite = useFaultSuite({
    suite: 'fault_worker_kill',
    settings: { RUN_WORKERS_IN_API: 'false', GENERATION_CHUNK_SIZE: '1000', ORDERS_PER_JOB: '100', ORDERS_QUEUE_CONCURRENCY: '8' },
    worker: true,
  });

  /** Waits for `condition`, then kills the worker with SIGKILL while it holds jobs, and starts a new one. */
  const killWorkerWhen = async (what: string, condition: (status: any) => boolean) => {
    const { http, worker } = suite;
    const seen = await waitForStatus(http, condition, 180_000, what, 50);
    const { active } = (await http.get('/pedidos/queue/status')).body.totals;
    const exit = await worker.stop('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    await worker.startConsuming();
    return { seen, activeAtKill: active };
  };

  it('ends DONE with every order processed exactly once and VIP first, after a worker crash in VIP and in NORMAL processing', async () => {
    const { db, http } = suite;
    const runId = await suite.startRun(RUN_SIZE);

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
