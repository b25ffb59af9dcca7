import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from './http-security';

/** The headers a middleware leaves on a response that started with `X-Powered-By` (as Express's does). */
function headersAfter(middleware: (request: IncomingMessage, response: ServerResponse, next: () => void) => void): Record<string, string> {
  const headers: Record<string, string> = { 'x-powered-by': 'Express' };
  const response = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  let nextCalled = false;
  middleware({} as IncomingMessage, response, () => void (nextCalled = true));
  expect(nextCalled).toBe(true);
  return headers;
}

describe('securityHeaders', () => {
  it("sets exactly helmet's headers (CSP less upgrade-insecure-requests) and removes X-Powered-By", () => {
    const expected = headersAfter(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
    const actual = headersAfter(securityHeaders());
    expect(actual).toEqual(expected);
    expect(actual['x-powered-by']).toBeUndefined();
    expect(actual['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(Object.keys(actual).length).toBeGreaterThan(10);
  });
});
