import { Priority } from './order';
import { OrderSlice } from './order-slices';

/** Which failed (`falhou`) orders of a run one retry puts back to pending. */
export type RetryScope =
  /** Every failed order of the run. */
  | { kind: 'run' }
  /** Every failed order of one priority: all that the lane's failed jobs left undone, including jobs Bull no longer keeps. */
  | { kind: 'lane'; priority: Priority }
  /** The failed orders of one job's slice (a whole job, or one order of it). */
  | { kind: 'slice'; slice: OrderSlice }
  /** These orders, chosen from the dead-letter list. */
  | { kind: 'orders'; orderIds: readonly string[] };

/** The most order ids one dead-letter selection may name: one request, one bounded `$in`. */
export const MAX_RETRY_SELECTION = 1_000;
