import { CanActivate, ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import type { Socket } from 'socket.io';
import { AccessNeed, AccessPolicy } from './access/access-policy';
import { isOpenRead } from './access/open-read.decorator';
import { isEventIntake } from './events/event-intake.metadata';

export const API_KEY_HEADER = 'x-api-key';

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether an HTTP method only reads. */
export function isReadOnlyMethod(method: string): boolean {
  return READ_ONLY_METHODS.has(method.toUpperCase());
}

/** Reads never change data; every other method is a control request. */
export function isReadOnlyRequest(context: ExecutionContext): boolean {
  return context.getType() === 'http' && isReadOnlyMethod(context.switchToHttp().getRequest<Request>().method);
}

/**
 * The two roles of AccessPolicy on every route, decided by HTTP method, not by a decorator, so a new POST
 * route is locked without anyone remembering to lock it: control requests need API_KEY (when set), reads need
 * READ_API_KEY or API_KEY (when READ_API_KEY is set), except routes marked @OpenRead() (health, metrics).
 *
 * Socket.IO carries no client→server control events today (the gateways only emit; connecting is checked by
 * ConfiguredIoAdapter); should one be added, this guard checks the `x-api-key` header of the socket's handshake.
 */
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly policy: AccessPolicy) {}

  canActivate(context: ExecutionContext): boolean {
    // Event intake is a public write path with its own key and limit (EventIntakeGuard).
    if (isEventIntake(context)) return true;
    let need: AccessNeed = 'control';
    let presented: unknown;
    if (context.getType() === 'ws') {
      presented = context.switchToWs().getClient<Socket>().handshake.headers[API_KEY_HEADER];
    } else {
      const request = context.switchToHttp().getRequest<Request>();
      if (isReadOnlyMethod(request.method)) {
        if (isOpenRead(context)) return true;
        need = 'read';
      }
      presented = request.headers[API_KEY_HEADER];
    }
    const decision = this.policy.authorize(need, presented);
    if (decision.granted) return true;
    throw decision.status === 403 ? new ForbiddenException(decision.reason) : new UnauthorizedException(decision.reason);
  }
}
