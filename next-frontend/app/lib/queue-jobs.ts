import type { JobState } from '@pedidos/contract';

export type JobType = JobState;
/** The states the jobs table filters by, in its order. */
export const JOB_TYPES = ['waiting', 'active', 'failed', 'completed', 'delayed'] as const satisfies readonly JobType[];

/** The jobs table's first query, shared by the server page (first paint) and the client table. */
export const DEFAULT_JOB_TYPES: readonly JobType[] = JOB_TYPES;
export const DEFAULT_PAGE_SIZE = 25;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** `start`/`end` of a page; the API's `end` is inclusive. */
export function pageRange(start: number, pageSize: number): { start: number; end: number } {
  return { start, end: start + pageSize - 1 };
}
