import { describe, expect, it } from 'vitest';
import { apiPathOf, instantToLocalInput, isOrderId, localInputToInstant, readSearchParams, runOrdersHref, searchHref } from './search-query';

const RUN = '6f1c2a9e-4b1d-4c3e-9a5f-0123456789ab';

describe('order search query', () => {
  it('keeps the filters of the page URL and drops empty ones', () => {
    expect(readSearchParams({ q: ' Ana ', tier: '', status: ['falhou', 'processado'], other: 'x' })).toEqual({ q: 'Ana', status: 'falhou' });
  });

  it('asks the API with the box text as the customer prefix, the limit and the cursor', () => {
    expect(apiPathOf({ q: 'Ana S', runId: RUN, status: 'falhou', cursor: 'abc' }, 50)).toBe(
      `/pedidos/orders?cliente=Ana+S&runId=${RUN}&status=falhou&limit=50&cursor=abc`,
    );
    expect(apiPathOf({}, 25)).toBe('/pedidos/orders?limit=25');
  });

  it('links the next page with the same filters, and a run to its orders', () => {
    expect(searchHref({ tier: 'OURO', cursor: 'old' }, 'next')).toBe('/orders?tier=OURO&cursor=next');
    expect(searchHref({})).toBe('/orders');
    expect(runOrdersHref(RUN, 'falhou')).toBe(`/orders?runId=${RUN}&status=falhou`);
  });

  it('tells an order id from a name', () => {
    expect(isOrderId(` ${RUN.toUpperCase()} `)).toBe(true);
    expect(isOrderId('Ana Silva')).toBe(false);
  });

  it('turns the browser-time inputs into instants and back', () => {
    const instant = localInputToInstant('2026-12-02T10:30:15');
    expect(instant).toBe(new Date(2026, 11, 2, 10, 30, 15).toISOString());
    expect(instantToLocalInput(instant)).toBe('2026-12-02T10:30:15');
    expect(localInputToInstant('')).toBeUndefined();
    expect(instantToLocalInput('nope')).toBe('');
  });
});
