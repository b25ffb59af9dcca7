/** The search page's URL (`/orders?…`) and the API query it stands for; the page keeps every filter in its URL. */
export const SEARCH_FIELDS = ['q', 'runId', 'tier', 'priority', 'status', 'createdFrom', 'createdTo', 'processedFrom', 'processedTo'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type OrderSearchParams = Partial<Record<SearchField | 'cursor', string>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An order id typed in the search box opens that order; anything else is the start of a customer's name. */
export const isOrderId = (text: string) => UUID.test(text.trim());

/** The page's search params (first value of each, trimmed, empty ones dropped). */
export function readSearchParams(raw: Record<string, string | string[] | undefined>): OrderSearchParams {
  const params: OrderSearchParams = {};
  for (const field of [...SEARCH_FIELDS, 'cursor'] as const) {
    const value = raw[field];
    const first = (Array.isArray(value) ? value[0] : value)?.trim();
    if (first) params[field] = first;
  }
  return params;
}

/** `GET /pedidos/orders` for these params: the box's text is the `cliente` prefix. */
export function apiPathOf(params: OrderSearchParams, limit: number): string {
  const query = new URLSearchParams();
  for (const field of SEARCH_FIELDS) {
    const value = params[field];
    if (value) query.set(field === 'q' ? 'cliente' : field, value);
  }
  query.set('limit', String(limit));
  if (params.cursor) query.set('cursor', params.cursor);
  return `/pedidos/orders?${query.toString()}`;
}

/** The search page for these params, at `cursor` (the first page without it). */
export function searchHref(params: OrderSearchParams, cursor?: string | null): string {
  const query = new URLSearchParams();
  for (const field of SEARCH_FIELDS) {
    const value = params[field];
    if (value) query.set(field, value);
  }
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `/orders?${text}` : '/orders';
}

export const orderHref = (id: string) => `/orders/${encodeURIComponent(id)}`;

/** The search page of one run's orders (its failed ones with `status: 'falhou'`). */
export const runOrdersHref = (runId: string, status?: string) => searchHref({ runId, ...(status ? { status } : {}) });

/** A `datetime-local` value (the browser's own time) as an ISO instant, or undefined when empty or not a time. */
export function localInputToInstant(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An ISO instant as a `datetime-local` value in the browser's own time (seconds kept, milliseconds dropped). */
export function instantToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
