import { Priority } from './order';

/** The unit of queued work: the orders of one run and priority whose `seq` lies in [from, to). */
export interface OrderSlice {
  runId: string;
  priority: Priority;
  from: number;
  to: number;
}

/** Cuts [from, to) into consecutive slices of at most `size` orders. */
export function sliceRange(runId: string, priority: Priority, from: number, to: number, size: number): OrderSlice[] {
  const slices: OrderSlice[] = [];
  for (let start = from; start < to; start += size) {
    slices.push({ runId, priority, from: start, to: Math.min(start + size, to) });
  }
  return slices;
}

/** The end of the last full slice in [from, to): enqueue up to here while more orders are still coming. */
export function lastFullSliceEnd(from: number, to: number, size: number): number {
  return from + Math.floor((to - from) / size) * size;
}

/** Groups sorted, distinct sequence numbers into slices of consecutive numbers, at most `size` long. */
export function slicesCovering(runId: string, priority: Priority, sortedSeqs: number[], size: number): OrderSlice[] {
  const slices: OrderSlice[] = [];
  let current: OrderSlice | null = null;
  for (const seq of sortedSeqs) {
    if (current && seq === current.to && current.to - current.from < size) {
      current.to = seq + 1;
      continue;
    }
    current = { runId, priority, from: seq, to: seq + 1 };
    slices.push(current);
  }
  return slices;
}

export function sliceJobId(slice: OrderSlice, requeueTag?: string): string {
  const id = `${slice.runId}:${slice.priority}:${slice.from}-${slice.to}`;
  return requeueTag ? `${id}:${requeueTag}` : id;
}
