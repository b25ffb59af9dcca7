import type { Db } from 'mongodb';

/** What the database says about a run after DONE: every order there once, processed once, VIP before NORMAL. */
export interface RunInvariants {
  orders: number;
  processed: number;
  /** Orders whose `attempts` is not exactly 1 (0 when every order was written once). */
  attemptsNotOne: number;
  /** Per priority: orders, and whether their seqs run 0..count-1 (lowest 0, highest count-1). */
  vip: { count: number; seqsFromZero: boolean };
  normal: { count: number; seqsFromZero: boolean };
  /** The VIP window's end as the API reported it: no VIP order processed after it, no NORMAL order at or before it. */
  vipEnd: string | null;
  vipAfterVipEnd: number;
  normalUpToVipEnd: number;
  ok: boolean;
}

/**
 * Counts from the database (no aggregation FerretDB lacks, no distinct of a million ids): one pass per question.
 */
export async function checkInvariants(db: Db, runId: string, expected: number, vipEnd: string | null): Promise<RunInvariants> {
  const orders = db.collection('orders');
  const lane = async (priority: 'VIP' | 'NORMAL') => {
    const count = await orders.countDocuments({ runId, priority });
    const edge = async (direction: 1 | -1) =>
      (await orders.find({ runId, priority }, { projection: { _id: 0, seq: 1 } }).sort({ seq: direction }).limit(1).toArray())[0]?.seq as number | undefined;
    const seqsFromZero = count === 0 || ((await edge(1)) === 0 && (await edge(-1)) === count - 1);
    return { count, seqsFromZero };
  };
  const at = vipEnd ? new Date(vipEnd) : null;
  const [total, processed, attemptsNotOne, vip, normal, vipAfterVipEnd, normalUpToVipEnd] = await Promise.all([
    orders.countDocuments({ runId }),
    orders.countDocuments({ runId, status: 'processado' }),
    orders.countDocuments({ runId, attempts: { $ne: 1 } }),
    lane('VIP'),
    lane('NORMAL'),
    at ? orders.countDocuments({ runId, priority: 'VIP', processedAt: { $gt: at } }) : Promise.resolve(0),
    at ? orders.countDocuments({ runId, priority: 'NORMAL', processedAt: { $lte: at } }) : Promise.resolve(0),
  ]);
  const ok =
    total === expected && processed === expected && attemptsNotOne === 0 && vip.count + normal.count === expected &&
    vip.seqsFromZero && normal.seqsFromZero && (vip.count === 0 || at !== null) && vipAfterVipEnd === 0 && normalUpToVipEnd === 0;
  return { orders: total, processed, attemptsNotOne, vip, normal, vipEnd, vipAfterVipEnd, normalUpToVipEnd, ok };
}
