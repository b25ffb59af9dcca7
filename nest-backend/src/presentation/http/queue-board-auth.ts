import { UnauthorizedException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { SecretKey } from './secret-key';

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
 * whose password is the key. The browser asks for it once; the key never appears in a URL.
 * Without API_KEY the board is open, like the rest of the API.
 */
export function queueBoardAuth(apiKey: string | undefined) {
  const expected = apiKey ? new SecretKey(apiKey) : null;
  return (request: Request, response: Response, next: NextFunction): void => {
    if (expected === null) return next();
    const password = basicAuthPassword(request.headers.authorization);
    if (expected.matches(password)) return next();
    response.setHeader('WWW-Authenticate', 'Basic realm="Pedidos queues", charset="UTF-8"');
    // Thrown, so the error filter answers in the common shape.
    throw new UnauthorizedException(
      password === null ? 'the queue board needs HTTP basic auth: any user name, the API key as password' : 'the password is not the API key',
    );
  };
}
