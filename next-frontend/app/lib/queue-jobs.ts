import { JOB_TYPES, type JobType } from './api/types';

/** The jobs table's first query, shared by the server page (first paint) and the client table. */
export const DEFAULT_JOB_TYPES: readonly JobType[] = JOB_TYPES;
export const DEFAULT_PAGE_SIZE = 25;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** `start`/`end` of a page; the API's `end` is inclusive. */
export function pageRange(start: number, pageSize: number): { start: number; end: number } {
  return { start, end: start + pageSize - 1 };
}
