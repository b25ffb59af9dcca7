import { Db } from 'mongodb';
import { ordersOfRun, priorityBoundary } from './order-checks';
import { Http, waitUntil } from './running-api';

export const TERMINAL_PHASES = ['DONE', 'ERROR', 'ABORTED'];

/** Polls `GET /pedidos` until `accept` holds (errors while a service is down count as "not yet"). */
export function waitForStatus(http: Http, accept: (status: any) => boolean, timeoutMs: number, what: string, everyMs = 100): Promise<any> {
  return waitUntil(
    async () => {
      const { status, body } = await http.get('/pedidos');
      return status === 200 && accept(body) ? body : null;
    },
    timeoutMs,
    what,
    everyMs,
  );
}

/** Waits for the run to end and returns the final status (whatever the phase: the caller asserts DONE). */
export function waitForRunEnd(http: Http, timeoutMs: number): Promise<any> {
  return waitForStatus(http, (status) => TERMINAL_PHASES.includes(status.phase), timeoutMs, 'the run to end', 250);
}

/**
 * What the database must show after a run that survived a fault: exactly `total` orders (per priority,
 * seqs 0..n-1 each once, so nothing was generated twice), each processed exactly once in effect
 * (`attempts` 1: the worker's write increments it only on pending orders), and every VIP order
 * processed before the first NORMAL one.
 */
export async function expectProcessedExactlyOnce(db: Db, runId: string, total: number) {
  const orders = await ordersOfRun(db, runId);
  expect(orders).toMatchObject({ total, processed: total, pending: 0, failed: 0, touchedTwice: 0, wrongVipNote: 0, wrongNormalNote: 0 });
  expect(await db.collection('orders').countDocuments({ runId, attempts: { $ne: 1 } })).toBe(0);
  for (const [priority, count] of [['VIP', orders.vipProcessed], ['NORMAL', orders.normalProcessed]] as const) {
    const seqs = (await db.collection('orders').distinct('seq', { runId, priority })) as number[];
    expect({ priority, distinctSeqs: seqs.length, maxSeq: Math.max(-1, ...seqs) }).toEqual({ priority, distinctSeqs: count, maxSeq: count - 1 });
  }
  const { lastVip, firstNormal } = await priorityBoundary(db, runId);
  expect(lastVip.getTime()).toBeLessThan(firstNormal.getTime());
  return orders;
}

/** Orders processed so far according to the status endpoint's live counters. */
export function processedSoFar(status: any): number {
  return status.counts.vip + status.counts.normal;
}
