import { UNMATCHED_ROUTE, routeLabel } from './http-request-metrics';

describe('routeLabel', () => {
  it('is the matched route pattern, not the URL', () => {
    expect(routeLabel({ baseUrl: '', route: { path: '/pedidos/runs/:runId' } })).toBe('/pedidos/runs/:runId');
  });

  it('prefixes the path of the router a route is mounted in', () => {
    expect(routeLabel({ baseUrl: '/admin/queues', route: { path: '/api/queues' } })).toBe('/admin/queues/api/queues');
  });

  it('groups what a mounted router serves without a route (static files) under the router', () => {
    expect(routeLabel({ baseUrl: '/admin/queues', route: undefined })).toBe('/admin/queues/*');
  });

  it('gives every request no route matched one label', () => {
    expect(routeLabel({ baseUrl: '', route: undefined })).toBe(UNMATCHED_ROUTE);
  });
});
