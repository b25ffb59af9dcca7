import { createHash } from 'node:crypto';
import { OrderFilters, OrderSortKey, SearchPosition } from '../../domain/order-search';
import { InvalidOrderCursorError } from '../../domain/order-search-errors';

const VERSION = 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Far above any real cursor (~150 characters); a bound on what is decoded at all. */
export const MAX_CURSOR_LENGTH = 512;

/** Where the next page starts: the run it is in and the position in that run's listing. */
export interface OrderCursor {
  runId: string;
  position: SearchPosition;
}

interface CursorBody {
  v: number;
  /** The fingerprint of the filters it was made for: a cursor never carries over to another search. */
  f: string;
  r: string;
  k: string | null;
  t: string;
}

/** A short digest of the filters, the same whatever order they were given in. */
export function filtersFingerprint(filters: OrderFilters): string {
  const normalized = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => [name, value && typeof value === 'object' ? { from: value.from?.toISOString(), to: value.to?.toISOString() } : value]);
  return createHash('sha256').update(JSON.stringify(normalized)).digest('base64url').slice(0, 16);
}

/** Opaque to clients: base64url of a small JSON body. */
export function encodeCursor(cursor: OrderCursor, filters: OrderFilters): string {
  const body: CursorBody = { v: VERSION, f: filtersFingerprint(filters), r: cursor.runId, k: cursor.position.key, t: cursor.position.tiebreak };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** Reads a cursor back, refusing one that is damaged, of another search, or whose key cannot belong to `sortKey`. */
export function decodeCursor(raw: string, filters: OrderFilters, sortKey: OrderSortKey): OrderCursor {
  if (raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) throw new InvalidOrderCursorError('it is not a cursor this API made');
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidOrderCursorError('it cannot be read');
  }
  if (!body || typeof body !== 'object' || body.v !== VERSION) throw new InvalidOrderCursorError('it is not a cursor this API made');
  if (body.f !== filtersFingerprint(filters)) throw new InvalidOrderCursorError('it belongs to a search with other filters');
  if (typeof body.r !== 'string' || !UUID.test(body.r)) throw new InvalidOrderCursorError('its run is not a run id');
  if (filters.runId && body.r !== filters.runId) throw new InvalidOrderCursorError('its run is not the run searched');
  if (typeof body.t !== 'string' || body.t.length === 0 || body.t.length > 64) throw new InvalidOrderCursorError('its position is damaged');
  if (!keyFits(body.k, sortKey)) throw new InvalidOrderCursorError(`its position does not fit a search sorted by ${sortKey}`);
  return { runId: body.r, position: { key: body.k ?? null, tiebreak: body.t } };
}

function keyFits(key: unknown, sortKey: OrderSortKey): boolean {
  if (sortKey === 'lane') return key === null || isInstant(key);
  if (sortKey === 'createdAt') return isInstant(key);
  return typeof key === 'string' && key.length <= 200;
}

const isInstant = (value: unknown): value is string => typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
