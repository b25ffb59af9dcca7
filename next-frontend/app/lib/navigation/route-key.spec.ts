import { describe, expect, it } from 'vitest';
import { inAppRouteOf, isRouterClick, routeKeyOf } from './route-key';

describe('routeKeyOf', () => {
  it('reads a route the same whatever the order or encoding of its query', () => {
    expect(routeKeyOf('/orders', '?status=processado&q=Ana')).toBe(routeKeyOf('/orders', new URLSearchParams({ q: 'Ana', status: 'processado' })));
    expect(routeKeyOf('/orders', '?q=Ana%20Lima')).toBe(routeKeyOf('/orders', '?q=Ana+Lima'));
  });

  it('keeps the query apart from the path, and drops an empty one', () => {
    expect(routeKeyOf('/orders', '')).toBe('/orders');
    expect(routeKeyOf('/orders', '?')).toBe('/orders');
    expect(routeKeyOf('/orders', '?cursor=abc')).not.toBe(routeKeyOf('/orders', ''));
  });
});

describe('inAppRouteOf', () => {
  const base = 'http://127.0.0.1:3001/orders?q=Ana';
  const origin = 'http://127.0.0.1:3001';

  it('resolves relative and absolute links of the app, without their fragment', () => {
    expect(inAppRouteOf('/runs/abc', base, origin)).toBe('/runs/abc');
    expect(inAppRouteOf('?q=Bia&cursor=x', base, origin)).toBe('/orders?cursor=x&q=Bia');
    expect(inAppRouteOf('http://127.0.0.1:3001/queue#jobs', base, origin)).toBe('/queue');
  });

  it('leaves alone what goes elsewhere (the backend, another site) or does not parse', () => {
    expect(inAppRouteOf('http://127.0.0.1:3000/pedidos/runs/abc/report.csv', base, origin)).toBeNull();
    expect(inAppRouteOf('https://example.org/', base, origin)).toBeNull();
    expect(inAppRouteOf('http://[::1', base, origin)).toBeNull();
  });
});

describe('isRouterClick', () => {
  const plain = { button: 0, modified: false, target: null, download: false };

  it('is a plain left click in this tab', () => {
    expect(isRouterClick(plain)).toBe(true);
    expect(isRouterClick({ ...plain, target: '_self' })).toBe(true);
  });

  it('is not a middle click, a click with a modifier, a new tab or a download', () => {
    expect(isRouterClick({ ...plain, button: 1 })).toBe(false);
    expect(isRouterClick({ ...plain, modified: true })).toBe(false);
    expect(isRouterClick({ ...plain, target: '_blank' })).toBe(false);
    expect(isRouterClick({ ...plain, download: true })).toBe(false);
  });
});
