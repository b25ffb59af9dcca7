import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_KEY_HEADER } from './api-key.guard';
import { EVENTS_KEY_HEADER } from './events/event-intake.guard';

/** The OpenAPI security scheme that names the `x-api-key` header. */
export const API_KEY_SCHEME = 'api-key';

/**
 * Helmet's defaults, whose CSP already admits the Swagger UI at /docs (its scripts and stylesheet are
 * served from 'self'; it uses inline styles and data: images, both allowed), less
 * `upgrade-insecure-requests`: the API is served over plain HTTP, and upgrading /docs' assets to HTTPS
 * would break the page wherever it is not reached on localhost.
 */
export function securityHeaders(): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  // Helmet's headers do not depend on the request: they are taken from it once, and each response gets them from
  // one middleware instead of helmet's twelve chained ones (a cost on every event of POST /events).
  const { set, removed } = headersOf(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  return (_request, response, next) => {
    for (const [name, value] of set) response.setHeader(name, value);
    for (const name of removed) response.removeHeader(name);
    next();
  };
}

/** What a request-independent middleware sets and removes on a response. */
function headersOf(middleware: (request: IncomingMessage, response: ServerResponse, next: () => void) => void) {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const response = {
    setHeader: (name: string, value: string) => void set.push([name, value]),
    removeHeader: (name: string) => void removed.push(name),
  } as unknown as ServerResponse;
  middleware({} as IncomingMessage, response, () => undefined);
  return { set, removed };
}

/** Browsers may call the API only from the dashboard origins, and may send the API key. */
export function corsOptions(origins: string[]): CorsOptions {
  return {
    origin: origins,
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Accept', 'Content-Type', API_KEY_HEADER, EVENTS_KEY_HEADER],
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  };
}

/** Marks every operation that is not a read as needing the API key, so "Try it out" sends it. */
export function documentApiKey(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    securitySchemes: { ...document.components?.securitySchemes, [API_KEY_SCHEME]: { type: 'apiKey', in: 'header', name: API_KEY_HEADER } },
  };
  for (const path of Object.values(document.paths)) {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const operation = path[method];
      if (!operation) continue;
      operation.security = [{ [API_KEY_SCHEME]: [] }];
      operation.responses = {
        ...operation.responses,
        401: { description: 'API_KEY is set and x-api-key is missing or wrong' },
        403: { description: 'x-api-key holds the read key (READ_API_KEY), which may not make control requests' },
        429: { description: 'more control requests than RATE_LIMIT_PER_MINUTE from this client' },
      };
    }
  }
  return document;
}
