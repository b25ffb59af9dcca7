import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Bounds what a client can make the server buffer (event batches have their own limit, EVENTS_MAX_BODY_BYTES). */
const JSON_BODY_LIMIT = '100kb';

/**
 * Parses JSON bodies (and only JSON: nothing else is read). Create the app with `bodyParser: false`
 * so this is the only parser.
 */
export function useJsonBodies(app: NestExpressApplication, largerBodies: { path: string; limit: number }[] = []): void {
  // A route with its own limit is parsed first; the general parser then sees the body as read and skips it.
  for (const { path, limit } of largerBodies) app.useBodyParser('json', { limit, type: (request: Request) => isJsonTo(request, path) });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(passBodyParserErrorsOn);
}

function isJsonTo(request: Request, path: string): boolean {
  return (request.originalUrl ?? request.url).split('?')[0] === path && /^application\/json\b/i.test(request.headers['content-type'] ?? '');
}

/**
 * Nest rewrites body-parser's SyntaxError into a bare 400 carrying the parser's wording; re-raised as a
 * plain error with the same `status` and `type`, it reaches ApiErrorFilter, which names it.
 */
function passBodyParserErrorsOn(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const parserError = error as { status?: unknown; type?: unknown };
  if (error instanceof SyntaxError && typeof parserError.type === 'string' && typeof parserError.status === 'number') {
    next(Object.assign(new Error('request body is not valid JSON'), { status: parserError.status, type: parserError.type }));
    return;
  }
  next(error);
}
