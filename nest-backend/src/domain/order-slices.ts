import { Priority } from './order';

/**
 * The unit of queued work: the orders of one run and priority whose `seq` lies in [from, to). Every one of
 * them carries the job key `job`, so a worker finds them with equality alone (`{runId, priority, job}`, plus
 * `seq` for a slice of one order): on MongoDB an index lookup, on FerretDB a filter PostgreSQL applies itself.
 */
export interface OrderSlice {
  runId: string;
  priority: Priority;
  job: number;
  from: number;
  to: number;
}

/** The job key an order gets at generation: which job-sized slice of its run and priority its `seq` falls in. */
export function jobOfSeq(seq: number, ordersPerJob: number): number {
  return Math.floor(seq / ordersPerJob);
}

/** Cuts [from, to) at the boundaries of jobs of `ordersPerJob` orders: one slice per job it overlaps. */
export function sliceRange(runId: string, priority: Priority, from: number, to: number, ordersPerJob: number): OrderSlice[] {
  const slices: OrderSlice[] = [];
  for (let start = from; start < to; ) {
    const job = jobOfSeq(start, ordersPerJob);
    const end = Math.min((job + 1) * ordersPerJob, to);
    slices.push({ runId, priority, job, from: start, to: end });
    start = end;
  }
  return slices;
}

/** The end of the last full slice in [from, to): enqueue up to here while more orders are still coming. */
export function lastFullSliceEnd(from: number, to: number, size: number): number {
  return from + Math.floor((to - from) / size) * size;
}

/** The whole slices of the given jobs of a lane that has `generated` orders: to queue jobs with pending orders again. */
export function jobSlices(runId: string, priority: Priority, jobs: Iterable<number>, ordersPerJob: number, generated: number): OrderSlice[] {
  const slices: OrderSlice[] = [];
  for (const job of new Set(jobs)) {
    const from = job * ordersPerJob;
    if (from < generated) slices.push({ runId, priority, job, from, to: Math.min(from + ordersPerJob, generated) });
  }
  return slices.sort((a, b) => a.from - b.from);
}

/** One order of a slice on its own: how a slice that kept failing is split. */
export function singleOrderSlice(slice: OrderSlice, seq: number): OrderSlice {
  return { runId: slice.runId, priority: slice.priority, job: slice.job, from: seq, to: seq + 1 };
}

export function sliceJobId(slice: OrderSlice, requeueTag?: string): string {
  const id = `${slice.runId}:${slice.priority}:${slice.from}-${slice.to}`;
  return requeueTag ? `${id}:${requeueTag}` : id;
}
