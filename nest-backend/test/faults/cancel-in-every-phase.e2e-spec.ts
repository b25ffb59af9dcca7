import { expectProcessedExactlyOnce, waitForRunEnd, waitForStatus } from '../support/exactly-once';
import { useFaultSuite } from '../support/fault-suite';
import { PhaseWatch } from '../support/phase-watch';
import { Http } from '../support/running-api';

const CANCELLED_RUN_SIZE = 4_000;
const NEXT_RUN_SIZE = 2_000;

/** Where each cancel strikes: a moment to wait for, and the phases the run may be in when the cancel lands. */
const STRIKES: Array<{ name: string; interrupts: string[]; when: (watch: PhaseWatch, http: Http) => Promise<unknown> }> = [
  {
    name: 'GENERATING',
    interrupts: ['GENERATING'],
    when: (_watch, http) => waitForStatus(http, (s) => s.phase === 'GENERATING' && s.progress.generated >= 500, 60_000, 'generation under way', 20),
  },
  {
    name: 'ENQUEUE_VIP / WAITING_VIP_DRAIN',
    interrupts: ['ENQUEUE_VIP', 'WAITING_VIP_DRAIN'],
    when: (watch) => watch.reached('ENQUEUE_VIP', 60_000),
  },
  {
    name: 'ENQUEUE_NORMAL / WAITING_NORMAL_DRAIN',
    interrupts: ['ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN'],
    when: (watch) => watch.reached('ENQUEUE_NORMAL', 120_000),
  },
];

/**
 * Cancel races the run's driver and its workers in each phase; reset follows at once and a new run
 * starts right after it. Nothing of the cancelled run may move after the cancel answers, nor leak
 * into the next run.
 */
describe('race: cancel in every phase, then reset, then a new run', () => {
  const suite = useFaultSuite({ suite: 'race_cancel', settings: { GENERATION_CHUNK_SIZE: '250', ORDERS_PER_JOB: '100' }, phaseWatch: true, startProcesses: true });

  const orders = () => suite.db.collection('orders');
  /** The cancelled run's orders as the database has them: how many are stored and how many processed. */
  const ordersOf = async (runId: string) => ({
    stored: await orders().countDocuments({ runId }),
    processed: await orders().countDocuments({ runId, status: 'processado' }),
  });

  it.each(STRIKES)('cancel during $name stops the run for good; after reset a new run holds none of its orders', async ({ interrupts, when }) => {
    const { db, http, watch } = suite;
    watch.forget();
    const started = await http.post(`/pedidos/generate?quantity=${CANCELLED_RUN_SIZE}`);
    expect(started.status).toBe(202);
    const cancelledRunId = started.body.runId;
    await when(watch, http);

    const cancel = await http.post('/pedidos/cancel');
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ runId: cancelledRunId, phase: 'ABORTED' });
    expect(interrupts).toContain(watch.previousOf('ABORTED'));
    const { vip, normal, failed, cancelled } = cancel.body.counts;
    expect(vip + normal + failed + cancelled).toBe(CANCELLED_RUN_SIZE);
    expect(cancelled).toBeGreaterThan(0);

    // After the answer nothing of the run moves: no order processed or generated, no job left.
    const atCancel = await ordersOf(cancelledRunId);
    expect(atCancel.processed).toBe(vip + normal);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await ordersOf(cancelledRunId)).toEqual(atCancel);
    expect((await http.get('/pedidos/queue/status')).body.totals).toMatchObject({ waiting: 0, active: 0, delayed: 0, paused: 0 });
    const status = (await http.get('/pedidos')).body;
    expect(status).toMatchObject({ lastRunId: cancelledRunId, phase: 'ABORTED' });
    expect(status.counts).toEqual({ vip, normal, failed, cancelled });

    const storedBeforeReset = await orders().countDocuments();
    const reset = await http.post('/pedidos/reset');
    expect(reset.status).toBe(200);
    expect(reset.body.deletedOrders).toBe(storedBeforeReset);
    const next = await http.post(`/pedidos/generate?quantity=${NEXT_RUN_SIZE}`);
    expect(next.status).toBe(202);
    const final = await waitForRunEnd(http, 120_000);
    expect(final).toMatchObject({ lastRunId: next.body.runId, phase: 'DONE' });
    await expectProcessedExactlyOnce(db, next.body.runId, NEXT_RUN_SIZE);
    expect(await orders().countDocuments({ runId: { $ne: next.body.runId } })).toBe(0);
    expect(await db.collection('process_runs').countDocuments({ _id: { $ne: next.body.runId } } as object)).toBe(0);
    expect(final.counts).toEqual({ vip: expect.any(Number), normal: expect.any(Number), failed: 0, cancelled: 0 });
  });
});
