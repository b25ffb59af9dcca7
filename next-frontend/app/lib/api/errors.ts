import type { ApiErrorBody } from '@pedidos/contract';

/** An HTTP or network failure, carrying the backend's `message` and `code` when it sent them. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && 'message' in body;
}

/** Builds an ApiError from a non-2xx response, preferring the backend's own message. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to the status line.
  }
  if (isErrorBody(body)) {
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message);
    return new ApiError(message, response.status, body.code);
  }
  return new ApiError(`HTTP ${response.status} ${response.statusText}`.trim(), response.status);
}
