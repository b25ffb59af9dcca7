import { ordersOfRun, priorityBoundary } from './support/order-checks';
import { poisonedOrderSettings } from './support/poisoned-orders';
import { useInProcessApi, waitForPhase } from './support/in-process-suite';

const RUN_SIZE = 1_200;
const POISON_EVERY = 300;

/** Orders that fail every attempt are retried with backoff, split from their batch, dead-lettered with the reason, and can be retried. */
describe('orders that always fail', () => {
  const suite = useInProcessApi('deadletters', poisonedOrderSettings(POISON_EVERY));
  const finished = () => waitForPhase(suite.http, ['DONE', 'ERROR', 'ABORTED']);

  it('ends DONE with only the poisoned orders failed and dead-lettered, then a retry processes them', async () => {
    const { body: started } = await suite.http.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    const done = await finished();
    expect(done.phase).toBe('DONE');

    const poisoned = (total: number) => Math.ceil(total / POISON_EVERY);
    const expectedFailed = poisoned(done.progress.vipTarget) + poisoned(done.progress.normalTarget);
    const orders = await ordersOfRun(suite.db, started.runId);
    expect(orders).toMatchObject({ total: RUN_SIZE, failed: expectedFailed, pending: 0, processed: RUN_SIZE - expectedFailed, touchedTwice: 0 });
    expect(done.counts).toMatchObject({ failed: expectedFailed, vip: orders.vipProcessed, normal: orders.normalProcessed });
    const failedSeqs = await suite.db.collection('orders').find({ runId: started.runId, status: 'falhou' }).project({ seq: 1, _id: 0 }).toArray();
    expect(failedSeqs.every(({ seq }) => seq % POISON_EVERY === 0)).toBe(true);

    const letters = (await suite.http.get(`/pedidos/dead-letters?runId=${started.runId}&limit=100`)).body;
    expect(letters).toMatchObject({ total: expectedFailed });
    for (const letter of letters.items) {
      expect(letter).toMatchObject({ runId: started.runId, attempts: 2, retriedAt: null });
      expect(letter.reason).toMatch(/injected failure/);
      expect(letter.orderId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect((await suite.http.get('/pedidos/health/queue')).body.status).toBe('degraded');

    // The cause goes away (a new process without the fault), and the dead letters are retried.
    await suite.restart({ FAIL_EVERY_SEQ_MULTIPLE_OF: '0' });
    const retried = await suite.http.post('/pedidos/dead-letters/retry');
    expect(retried.status).toBe(202);
    expect(retried.body).toEqual({ runId: started.runId, requeued: expectedFailed });

    const again = await finished();
    expect(again.phase).toBe('DONE');
    expect(again.counts).toMatchObject({ failed: 0, vip: done.progress.vipTarget, normal: done.progress.normalTarget });
    expect(await ordersOfRun(suite.db, started.runId)).toMatchObject({ processed: RUN_SIZE, failed: 0, pending: 0, touchedTwice: 0 });
    expect((await suite.http.get('/pedidos/dead-letters')).body.total).toBe(0);
    expect((await suite.http.post('/pedidos/dead-letters/retry')).status).toBe(409);
    const { lastVip, firstNormal } = await priorityBoundary(suite.db, started.runId);
    expect(lastVip).toBeInstanceOf(Date);
    expect(firstNormal).toBeInstanceOf(Date);
  });
});
