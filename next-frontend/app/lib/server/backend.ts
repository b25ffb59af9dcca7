import { readHeaders } from '../api/client';
import { apiErrorFromResponse } from '../api/errors';
import { getRuntimeConfig } from './runtime-config';

export type BackendResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; message: string };

/**
 * GET a contract path from a server component. Never throws: a page still renders (and its live
 * widgets keep retrying) when the backend is down, so the caller decides what to show.
 */
export async function fetchBackend<T>(path: string, timeoutMs = 4000): Promise<BackendResult<T>> {
  const { apiUrl, apiKey } = getRuntimeConfig();
  try {
    const response = await fetch(`${apiUrl}${path}`, {
      cache: 'no-store',
      headers: readHeaders(apiKey),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      const error = await apiErrorFromResponse(response);
      return { ok: false, status: error.status, message: error.message };
    }
    return { ok: true, data: (await response.json()) as T };
  } catch (cause) {
    return { ok: false, status: 0, message: cause instanceof Error ? cause.message : String(cause) };
  }
}

/** The data, or undefined when the backend could not answer (the client widget then fetches itself). */
export async function fetchBackendData<T>(path: string): Promise<T | undefined> {
  const result = await fetchBackend<T>(path);
  return result.ok ? result.data : undefined;
}
