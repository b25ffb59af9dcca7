import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { NextFunction, Request, Response } from 'express';
import type { Histogram } from 'prom-client';
import { METRIC } from './metric-definitions';

/** Label of a request no route matched (404s, probes): one series, whatever URL was asked for. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route label of a finished request: the pattern that matched (`/pedidos/runs/:runId`), never the
 * URL, so a scan of random paths cannot create series. Requests served inside a mounted router without
 * a route of their own (Bull Board's static files) count under the router's path.
 */
export function routeLabel(request: Pick<Request, 'baseUrl' | 'route'>): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${request.baseUrl ?? ''}${pattern}` || '/';
  return request.baseUrl ? `${request.baseUrl}/*` : UNMATCHED_ROUTE;
}

/** Times every HTTP request of the API, labelled by method, route pattern and status code. */
@Injectable()
export class HttpRequestMetrics {
  constructor(@InjectMetric(METRIC.httpDuration) private readonly durations: Histogram<'method' | 'route' | 'status_code'>) {}

  /** Express middleware; mount it first so that every request, even a refused one, is timed. */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    const stop = this.durations.startTimer();
    response.once('finish', () => stop({ method: request.method, route: routeLabel(request), status_code: String(response.statusCode) }));
    next();
  };
}
