import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../../domain/errors';

/** The one place domain error codes become HTTP statuses. */
const STATUS_OF_CODE: Record<string, HttpStatus> = {
  RUN_ALREADY_ACTIVE: HttpStatus.CONFLICT,
  NO_ACTIVE_RUN: HttpStatus.CONFLICT,
  NOTHING_TO_PROCESS: HttpStatus.CONFLICT,
  QUEUE_STATE_IN_USE: HttpStatus.CONFLICT,
  ILLEGAL_PHASE_TRANSITION: HttpStatus.CONFLICT,
  RUN_NOT_FOUND: HttpStatus.NOT_FOUND,
  JOB_NOT_FOUND: HttpStatus.NOT_FOUND,
  JOB_NOT_FAILED: HttpStatus.CONFLICT,
  DEAD_LETTER_NOT_FOUND: HttpStatus.NOT_FOUND,
  ORDER_NOT_FOUND: HttpStatus.NOT_FOUND,
  INVALID_ORDER_FILTER: HttpStatus.BAD_REQUEST,
  INVALID_CURSOR: HttpStatus.BAD_REQUEST,
  ORDER_SEARCH_TIMEOUT: HttpStatus.SERVICE_UNAVAILABLE,
  QUANTITY_OUT_OF_RANGE: HttpStatus.BAD_REQUEST,
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  EVENT_QUEUE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  ALERTS_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  /** Messages of the failed checks; for event bodies `{ index?, field, message }` objects. */
  details?: unknown[];
  path: string;
  timestamp: string;
}

/** Every error leaves as the same JSON body, with no stack trace. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, request.originalUrl ?? request.url);
    if (body.statusCode >= 500) this.logger.error(`${request.method} ${request.url}: ${(exception as Error)?.stack ?? exception}`);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, path: string): ApiErrorBody {
    const base = { path: path.split('?')[0], timestamp: new Date().toISOString() };
    if (exception instanceof DomainError) {
      const statusCode = STATUS_OF_CODE[exception.code] ?? HttpStatus.BAD_REQUEST;
      const details = (exception as { details?: unknown }).details;
      return { statusCode, error: statusName(statusCode), code: exception.code, message: exception.message, ...(Array.isArray(details) ? { details } : {}), ...base };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const details = Array.isArray(raw) ? raw.map(String) : undefined;
      const message = details ? details.join('; ') : typeof raw === 'string' ? raw : exception.message;
      const code = statusCode === HttpStatus.BAD_REQUEST && details ? 'VALIDATION_FAILED' : statusName(statusCode).toUpperCase().replace(/ /g, '_');
      return { statusCode, error: statusName(statusCode), code, message, ...(details ? { details } : {}), ...base };
    }
    if (isBodyParserError(exception)) {
      const statusCode = exception.status;
      const [code, message] =
        statusCode === 413 ? ['PAYLOAD_TOO_LARGE', 'request body is too large']
        : statusCode === 415 ? ['UNSUPPORTED_MEDIA_TYPE', 'request body has an unsupported charset or encoding']
        : ['MALFORMED_BODY', 'request body is not valid JSON'];
      return { statusCode, error: statusName(statusCode), code, message, ...base };
    }
    return { statusCode: 500, error: statusName(500), code: 'INTERNAL_ERROR', message: 'internal error; see the server log', ...base };
  }
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  const candidate = error as { status?: unknown; type?: unknown };
  return typeof candidate?.status === 'number' && candidate.status >= 400 && candidate.status < 500 && typeof candidate.type === 'string';
}

function statusName(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return names[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}
