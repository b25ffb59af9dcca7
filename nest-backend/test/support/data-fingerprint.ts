import { Db } from 'mongodb';
import { rawRequest } from './raw-request';

/** What a rejected request must leave as it was: stored orders and runs, and the queue's job counts. */
export async function dataFingerprint(db: Db, baseUrl: string) {
  const [orders, runs, queue] = await Promise.all([
    db.collection('orders').countDocuments(),
    db.collection('process_runs').countDocuments(),
    rawRequest(baseUrl, 'GET', '/pedidos/queue/status'),
  ]);
  return { orders, runs, paused: queue.body.paused, queue: queue.body.totals };
}
