/** The rows a page shows, numbered from 1 (`from` is 0 when there is nothing), out of `total`. */
export interface PageRange {
  from: number;
  to: number;
  total: number;
}

/** Page `page` (from 1) of `perPage` rows. */
export function pageRange(page: number, perPage: number, total: number): PageRange {
  return { from: total === 0 ? 0 : (page - 1) * perPage + 1, to: Math.min(total, page * perPage), total };
}

/** The rows from offset `start` to offset `end` included (the queue's jobs are asked for by offsets). */
export function offsetRange(start: number, end: number, total: number): PageRange {
  return { from: total === 0 ? 0 : start + 1, to: Math.min(end + 1, total), total };
}
