import { CanActivate, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import type { Socket } from 'socket.io';
import { isEventIntake } from './events/event-intake.metadata';
import { SecretKey } from './secret-key';

export const API_KEY_HEADER = 'x-api-key';

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads never change data, so they stay open; every other method is a control request. */
export function isReadOnlyRequest(context: ExecutionContext): boolean {
  return context.getType() === 'http' && READ_ONLY_METHODS.has(context.switchToHttp().getRequest<Request>().method);
}

/**
 * With `API_KEY` set, every control request must carry it in `x-api-key`. Decided by HTTP method, not by
 * a decorator, so a new POST route is locked without anyone remembering to lock it.
 *
 * Socket.IO carries no client→server control events today (the gateway only emits); should one be
 * added, this guard checks the `x-api-key` header of the socket's handshake.
 */
export class ApiKeyGuard implements CanActivate {
  private readonly expected: SecretKey | null;

  constructor(apiKey: string | undefined) {
    this.expected = apiKey ? new SecretKey(apiKey) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    // Event intake is a public write path with its own key and limit (EventIntakeGuard).
    if (this.expected === null || isReadOnlyRequest(context) || isEventIntake(context)) return true;
    const presented =
      context.getType() === 'ws'
        ? context.switchToWs().getClient<Socket>().handshake.headers[API_KEY_HEADER]
        : context.switchToHttp().getRequest<Request>().headers[API_KEY_HEADER];
    if (typeof presented !== 'string' || presented.length === 0) {
      throw new UnauthorizedException(`this endpoint needs the ${API_KEY_HEADER} header`);
    }
    if (!this.expected.matches(presented)) {
      throw new UnauthorizedException(`the ${API_KEY_HEADER} header does not hold the API key`);
    }
    return true;
  }
}
