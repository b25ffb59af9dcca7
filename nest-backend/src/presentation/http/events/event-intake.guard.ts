import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Environment } from '../../../infrastructure/config/environment';
import { API_KEY_HEADER } from '../api-key.guard';
import { SecretKey } from '../secret-key';
import { IntakeRateLimit } from './intake-rate-limit';

export const EVENTS_KEY_HEADER = 'x-events-key';

/**
 * Protects the intake endpoints: first the per-client limit in events (EVENTS_RATE_LIMIT_PER_MINUTE; a batch
 * counts each of its events), so guessing the key is limited too; then, when EVENTS_API_KEY is set, the key
 * in `x-events-key` (or API_KEY in `x-api-key`, which the dashboard holds). Without EVENTS_API_KEY intake is open.
 */
@Injectable()
export class EventIntakeGuard implements CanActivate {
  private readonly eventsKey: SecretKey | null;
  private readonly apiKey: SecretKey | null;
  private readonly rateLimit: IntakeRateLimit;

  constructor(private readonly env: Environment) {
    this.eventsKey = env.EVENTS_API_KEY ? new SecretKey(env.EVENTS_API_KEY) : null;
    this.apiKey = env.API_KEY ? new SecretKey(env.API_KEY) : null;
    this.rateLimit = new IntakeRateLimit(env.EVENTS_RATE_LIMIT_PER_MINUTE);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const granted = this.rateLimit.take(request.ip ?? 'unknown', eventsIn(request.body), Date.now());
    if (!granted.allowed) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(granted.retryAfterSeconds));
      throw new HttpException(
        `too many events: at most ${this.env.EVENTS_RATE_LIMIT_PER_MINUTE} a minute per client (EVENTS_RATE_LIMIT_PER_MINUTE); retry in ${granted.retryAfterSeconds} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    if (this.eventsKey === null) return true;
    if (this.eventsKey.matches(request.headers[EVENTS_KEY_HEADER]) || this.apiKey?.matches(request.headers[API_KEY_HEADER])) return true;
    const presented = request.headers[EVENTS_KEY_HEADER] ?? request.headers[API_KEY_HEADER];
    throw new UnauthorizedException(
      presented === undefined ? `event intake needs the ${EVENTS_KEY_HEADER} header` : `the ${EVENTS_KEY_HEADER} header does not hold the events key`,
    );
  }
}

/** A batch body counts each of its events; anything else one. */
function eventsIn(body: unknown): number {
  const events = (body as { events?: unknown } | null)?.events;
  return Array.isArray(events) ? Math.max(1, events.length) : 1;
}
