import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AccessPolicy } from './access/access-policy';
import { isReadOnlyMethod } from './api-key.guard';

/** The password of a `Basic` Authorization header (any user name), or null. */
export function basicAuthPassword(header: string | undefined): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}

/**
 * Guards Bull Board, which a browser opens (it cannot send `x-api-key`): with API_KEY set, every request
 * under it, reads included (it shows job data and can retry, clean and pause), needs HTTP basic auth
 * whose password is the key. With READ_API_KEY set too, that key opens the board to look (GET) and its
 * actions answer 403. The browser asks for the password once; the key never appears in a URL.
 * Without API_KEY the board is open, like the rest of the API.
 */
export function queueBoardAuth(policy: AccessPolicy) {
  const keys = policy.readsNeedKey ? 'the API key or the read key' : 'the API key';
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!policy.controlsNeedKey) return next();
    const password = basicAuthPassword(request.headers.authorization);
    const holder = policy.holderOf(password);
    if (holder === 'write') return next();
    if (holder === 'read') {
      if (isReadOnlyMethod(request.method)) return next();
      throw new ForbiddenException('the read key opens the queue board to look; its actions need the API key');
    }
    response.setHeader('WWW-Authenticate', 'Basic realm="Pedidos queues", charset="UTF-8"');
    // Thrown, so the error filter answers in the common shape.
    throw new UnauthorizedException(
      password === null ? `the queue board needs HTTP basic auth: any user name, ${keys} as password` : `the password is not ${keys}`,
    );
  };
}
