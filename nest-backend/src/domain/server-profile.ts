import { ProcessRun } from './run';

/** The MongoDB-compatible server the orders live on, as it describes itself. */
export interface DatabaseServer {
  kind: 'mongodb' | 'ferretdb';
  /** MongoDB's version, or FerretDB's own (not the MongoDB version it emulates); null when it does not say. */
  version: string | null;
}

/** Orders per second from generate to DONE, over recent finished runs. */
export interface MeasuredRate {
  ordersPerSecond: number;
  runs: number;
  orders: number;
}

/** Runs smaller than this are mostly fixed costs (boot of the lanes, drain checks): they would flatter the rate. */
export const MIN_ORDERS_FOR_RATE = 10_000;

/**
 * The rate of the given runs that finished DONE with at least MIN_ORDERS_FOR_RATE orders: their orders over
 * their wall time (summed, so larger runs weigh more), or null when none qualifies.
 */
export function measuredRate(runs: readonly ProcessRun[]): MeasuredRate | null {
  let orders = 0;
  let ms = 0;
  let counted = 0;
  for (const run of runs) {
    if (run.phase !== 'DONE' || !run.finishedAt || run.generated < MIN_ORDERS_FOR_RATE) continue;
    const took = run.finishedAt.getTime() - run.createdAt.getTime();
    if (took <= 0) continue;
    orders += run.generated;
    ms += took;
    counted++;
  }
  if (counted === 0) return null;
  return { ordersPerSecond: Math.round((orders * 1000) / ms), runs: counted, orders };
}
