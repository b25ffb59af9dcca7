import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** No endpoint reads a body; this only bounds what a client can make the server buffer. */
const JSON_BODY_LIMIT = '100kb';

/**
 * Parses JSON bodies (and only JSON: nothing else is read). Create the app with `bodyParser: false`
 * so this is the only parser.
 */
export function useJsonBodies(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(passBodyParserErrorsOn);
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
