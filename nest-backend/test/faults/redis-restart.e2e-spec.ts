import { expectProcessedExactlyOnce, waitForRunEnd, waitForStatus } from '../support/exactly-once';
import { useFaultSuite } from '../support/fault-suite';

const RUN_SIZE = 4_000;
const OUTAGE_MS = 3_000;

/**
 * Redis (the queue, the run slot, the driver lease, the live counters) goes away mid-run and comes
 * back on the same port from its append-only file (fsync on every write, so nothing acknowledged is
 * lost, even after SIGKILL). The API (which also runs workers) and a separate worker process must
 * reconnect on their own and finish the run.
 */
describe('fault: Redis restarts in the middle of a run', () => {
  const suite = useFaultSuite({ suite: 'fault_redis', settings: { ORDERS_PER_JOB: '100', GENERATION_CHUNK_SIZE: '1000' }, ownRedis: true, worker: true });

  /** Stops Redis with `signal` once `condition` holds, keeps it down for OUTAGE_MS, starts it again. */
  const restartRedisWhen = async (what: string, condition: (status: any) => boolean, signal: NodeJS.Signals) => {
    const { http, redis } = suite;
    const seen = await waitForStatus(http, condition, 180_000, what, 50);
    const exit = await redis!.stop(signal);
    expect(exit.timedOut).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    await redis!.start();
    return seen;
  };

  it('reconnects after a SIGKILL during VIP processing and a SIGTERM during NORMAL processing, and loses nothing', async () => {
    const { db, http, worker } = suite;
    const runId = await suite.startRun(RUN_SIZE);

    const duringVip = await restartRedisWhen('VIP processing under way', (s) => s.counts.vip >= 100 && s.counts.vip < s.progress.vipTarget - 300, 'SIGKILL');
    expect(duringVip.counts.normal).toBe(0);
    await restartRedisWhen('NORMAL processing under way', (s) => s.phase === 'WAITING_NORMAL_DRAIN' && s.counts.normal >= 100 && s.counts.normal < s.progress.normalTarget - 1_000, 'SIGTERM');

    const final = await waitForRunEnd(http, 180_000);
    expect(final.phase).toBe('DONE');
    expect(final.lastRunId).toBe(runId);
    const orders = await expectProcessedExactlyOnce(db, runId, RUN_SIZE);
    expect(final.counts).toEqual({ vip: orders.vipProcessed, normal: orders.normalProcessed, failed: 0, cancelled: 0 });
    expect((await http.get('/pedidos/queue/status')).body.totals).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    expect(worker.running).toBe(true);
  });
});
