import { Db } from 'mongodb';

/** What the database says about a run's orders: the evidence tests rely on, never logs. */
export async function ordersOfRun(db: Db, runId: string) {
  const orders = db.collection('orders');
  const [total, processed, pending, failed, vipProcessed, normalProcessed, touchedTwice, wrongVipNote, wrongNormalNote] = await Promise.all([
    orders.countDocuments({ runId }),
    orders.countDocuments({ runId, status: 'processado' }),
    orders.countDocuments({ runId, status: 'pendente' }),
    orders.countDocuments({ runId, status: 'falhou' }),
    orders.countDocuments({ runId, priority: 'VIP', status: 'processado' }),
    orders.countDocuments({ runId, priority: 'NORMAL', status: 'processado' }),
    orders.countDocuments({ runId, attempts: { $gt: 1 } }),
    orders.countDocuments({ runId, priority: 'VIP', status: 'processado', observacoes: { $ne: 'enviado com prioridade' } }),
    orders.countDocuments({ runId, priority: 'NORMAL', status: 'processado', observacoes: { $ne: 'processado sem prioridade' } }),
  ]);
  return { total, processed, pending, failed, vipProcessed, normalProcessed, touchedTwice, wrongVipNote, wrongNormalNote };
}

/** The last VIP processing time and the first NORMAL one, from the orders' own timestamps. */
export async function priorityBoundary(db: Db, runId: string): Promise<{ lastVip: Date; firstNormal: Date }> {
  const orders = db.collection<{ processedAt: Date }>('orders');
  const [lastVip] = await orders.find({ runId, priority: 'VIP', status: 'processado' }).sort({ processedAt: -1 }).limit(1).toArray();
  const [firstNormal] = await orders.find({ runId, priority: 'NORMAL', status: 'processado' }).sort({ processedAt: 1 }).limit(1).toArray();
  return { lastVip: lastVip.processedAt, firstNormal: firstNormal.processedAt };
}

/** Tier and priority agree on every order (VIP exactly when DIAMANTE). */
export async function mismatchedPriorities(db: Db, runId: string): Promise<number> {
  const orders = db.collection('orders');
  return (
    (await orders.countDocuments({ runId, tier: 'DIAMANTE', priority: { $ne: 'VIP' } })) +
    (await orders.countDocuments({ runId, tier: { $ne: 'DIAMANTE' }, priority: 'VIP' }))
  );
}
