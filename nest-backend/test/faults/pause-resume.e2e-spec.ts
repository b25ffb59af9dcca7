import { expectProcessedExactlyOnce, waitForRunEnd, waitForStatus } from '../support/exactly-once';
import { useFaultSuite } from '../support/fault-suite';
import { waitUntil } from '../support/running-api';

// Large enough that generation (two chunks in flight) is still under way when the first VIP jobs have run.
const RUN_SIZE = 8_000;
const STILL_FOR_MS = 2_000;

/**
 * The queue is paused by an operator while the run generates, while VIP orders drain and while
 * NORMAL orders drain, and resumed each time. While paused nothing is processed and the run does not
 * move past a drain; after resuming it ends DONE, every order processed once, VIP first.
 */
describe('race: pause and resume the queue in each phase', () => {
  // Small jobs and little concurrency keep a backlog in each lane long enough to pause it.
  const suite = useFaultSuite({ suite: 'race_pause', settings: { GENERATION_CHUNK_SIZE: '500', ORDERS_PER_JOB: '50', ORDERS_QUEUE_CONCURRENCY: '2' } });

  const processedInDb = (runId: string) => suite.db.collection('orders').countDocuments({ runId, status: 'processado' });

  /** Pauses the queue, lets the jobs already running finish, and checks that nothing more is processed for a while. */
  const pauseAndHoldStill = async (runId: string): Promise<number> => {
    const { http } = suite;
    const paused = await http.post('/pedidos/queue/pause');
    expect(paused.status).toBe(200);
    expect(paused.body.paused).toBe(true);
    await waitUntil(async () => (await http.get('/pedidos/queue/status')).body.totals.active === 0, 30_000, 'running jobs to finish', 50);
    const still = await processedInDb(runId);
    await new Promise((resolve) => setTimeout(resolve, STILL_FOR_MS));
    expect(await processedInDb(runId)).toBe(still);
    expect((await http.get('/pedidos/queue/status')).body).toMatchObject({ paused: true, totals: { active: 0 } });
    return still;
  };

  const resume = async () => {
    const { http } = suite;
    const resumed = await http.post('/pedidos/queue/resume');
    expect(resumed.status).toBe(200);
    expect(resumed.body.paused).toBe(false);
  };

  it('holds still while paused in GENERATING, WAITING_VIP_DRAIN and WAITING_NORMAL_DRAIN, and ends DONE with VIP first after each resume', async () => {
    const { db, http } = suite;
    const runId = await suite.startRun(RUN_SIZE);

    // 1. While generating: generation goes on, processing stops; the pause outlasts generation and holds the VIP drain.
    await waitForStatus(http, (s) => s.phase === 'GENERATING' && s.counts.vip >= 50 && s.progress.generated <= RUN_SIZE - 2_000, 120_000, 'generation with VIP processing under way', 20);
    const stillWhileGenerating = await pauseAndHoldStill(runId);
    const vipDrainHeld = await waitForStatus(http, (s) => s.phase === 'WAITING_VIP_DRAIN', 120_000, 'generation to end while paused');
    expect(vipDrainHeld.progress.generated).toBe(RUN_SIZE);
    expect(await processedInDb(runId)).toBe(stillWhileGenerating);
    await resume();

    // 2. While the VIP lane drains: the drain must not count paused jobs as done.
    await waitForStatus(http, (s) => s.phase === 'WAITING_VIP_DRAIN' && s.counts.vip >= stillWhileGenerating + 50 && s.counts.vip <= s.progress.vipTarget - 200, 60_000, 'VIP processing under way again', 20);
    await pauseAndHoldStill(runId);
    expect((await http.get('/pedidos')).body).toMatchObject({ phase: 'WAITING_VIP_DRAIN', counts: { normal: 0 } });
    await resume();

    // 3. While the NORMAL lane drains.
    await waitForStatus(http, (s) => s.phase === 'WAITING_NORMAL_DRAIN' && s.counts.normal >= 100 && s.counts.normal <= s.progress.normalTarget - 500, 120_000, 'NORMAL processing under way', 20);
    await pauseAndHoldStill(runId);
    expect((await http.get('/pedidos')).body.phase).toBe('WAITING_NORMAL_DRAIN');
    await resume();

    const final = await waitForRunEnd(http, 180_000);
    expect(final.phase).toBe('DONE');
    const orders = await expectProcessedExactlyOnce(db, runId, RUN_SIZE);
    expect(final.counts).toEqual({ vip: orders.vipProcessed, normal: orders.normalProcessed, failed: 0, cancelled: 0 });
    expect((await http.get('/pedidos/queue/status')).body).toMatchObject({ paused: false, totals: { waiting: 0, active: 0, delayed: 0, paused: 0 } });
  });
});
