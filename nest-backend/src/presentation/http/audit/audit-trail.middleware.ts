import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AuditTrail, ControlRequest } from '../../../application/audit/record-control-action/audit-trail.service';
import { UNMATCHED_ROUTE, routeLabel } from '../../../infrastructure/prometheus/http-request-metrics';
import { EVENTS_QUEUE } from '../../../infrastructure/queue/queue-names';
import { AccessPolicy } from '../access/access-policy';
import { API_KEY_HEADER, isReadOnlyMethod } from '../api-key.guard';
import { basicAuthPassword } from '../queue-board-auth';
import { QUEUE_BOARD_ACTION, actionName } from './action-name';

/** Event intake: the shop's public, high-volume write path, not an operator's action (it has its own metrics). */
const EVENT_INTAKE_ROUTES = new Set(['/events', '/events/batch']);
const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records every control request (any method but GET, HEAD and OPTIONS) in the audit log, in one place for every
 * route, Bull Board's included. It is Express middleware, not a Nest interceptor, because refusals happen in
 * guards, before any interceptor runs, and "the read key tried to reset" is worth recording. The entry is written
 * once the answer has gone (`close`), from what was answered: status, error code, body. Not recorded: requests
 * no route matched, event intake, and 429s (throttled before they did anything; recording them would let one
 * client write the log without limit).
 */
@Injectable()
export class AuditTrailMiddleware {
  private lastArrival = 0;

  constructor(
    private readonly trail: AuditTrail,
    private readonly access: AccessPolicy,
  ) {}

  readonly handle = (request: Request, response: Response, next: NextFunction): void => {
    // Event intake skips even the listener: it is the one high-volume write path.
    if (isReadOnlyMethod(request.method) || EVENT_INTAKE_ROUTES.has(request.path)) return next();
    const at = this.arrival();
    let answered: unknown;
    const json = response.json.bind(response);
    response.json = (body: unknown) => {
      answered = body;
      return json(body);
    };
    response.once('close', () => {
      const entry = this.entryOf(request, response, at, answered);
      // Not awaited: the trail never rejects, and nothing waits for it.
      if (entry) void this.trail.record(entry);
    });
    next();
  };

  /**
   * The time a request arrived, later than the one before it in this process (a tie gets the next millisecond):
   * entries are written in whatever order their writes finish, and newest first must mean "arrived last".
   */
  private arrival(): Date {
    this.lastArrival = Math.max(Date.now(), this.lastArrival + 1);
    return new Date(this.lastArrival);
  }

  private entryOf(request: Request, response: Response, at: Date, answered: unknown): ControlRequest | null {
    const route = routeLabel(request);
    const path = request.originalUrl.split('?')[0];
    if (route === UNMATCHED_ROUTE || EVENT_INTAKE_ROUTES.has(route) || response.statusCode === 429) return null;
    const action = actionName(route);
    const board = action === QUEUE_BOARD_ACTION;
    const presented = board ? basicAuthPassword(request.headers.authorization) : headerValue(request.headers[API_KEY_HEADER]);
    const failed = response.statusCode >= 400;
    const error = failed ? (answered as { code?: unknown; message?: unknown } | undefined) : undefined;
    const params = compact({ query: request.query, body: request.body, route: request.params });
    return {
      at,
      action,
      method: request.method,
      path,
      params,
      runId: runIdIn(failed ? undefined : answered) ?? runIdIn(request.query) ?? runIdIn(request.body) ?? runIdIn(request.params),
      concernsActiveRun: !path.startsWith('/events') && !(board && request.params?.queueName === EVENTS_QUEUE),
      outcome: {
        status: response.statusCode,
        code: failed ? (typeof error?.code === 'string' ? error.code : `HTTP_${response.statusCode}`) : null,
        message: failed ? (typeof error?.message === 'string' ? error.message : null) : null,
        durationMs: Date.now() - at.getTime(),
      },
      result: failed ? undefined : (answered ?? null),
      client: {
        address: request.ip ?? null,
        keyHolder: this.access.holderOf(presented),
        presentedKey: presented,
        userAgent: headerValue(request.headers['user-agent']),
      },
    };
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.length > 0 ? first : null;
}

function runIdIn(source: unknown): string | null {
  const value = (source as { runId?: unknown } | null | undefined)?.runId;
  return typeof value === 'string' && RUN_ID.test(value) ? value : null;
}

/** Leaves out the parts that are empty (no query, no body, no route parameters). */
function compact(parts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined && value !== null && !(typeof value === 'object' && Object.keys(value).length === 0)));
}
