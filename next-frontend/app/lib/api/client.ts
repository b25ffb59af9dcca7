import { apiErrorFromResponse, ApiError } from './errors';
import type {
  CancelResult,
  CleanableState,
  CleanResult,
  GenerateResult,
  ProcessResult,
  QueueStatus,
  ResetResult,
} from '@pedidos/contract';

export interface ApiConfig {
  /** Backend base URL as the browser must reach it, e.g. http://localhost:3000. */
  baseUrl: string;
  /** Sent as `x-api-key` on every request (reads need it when the server has READ_API_KEY set). */
  apiKey?: string | null;
}

export function apiUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

export async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init });
  } catch (cause) {
    throw new ApiError(cause instanceof Error ? cause.message : String(cause), 0, 'NETWORK');
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GET a contract path (e.g. `/pedidos`) and parse its JSON, with the key when there is one. Used as the SWR fetcher. */
export function getJson<T>(baseUrl: string, path: string, signal?: AbortSignal, apiKey?: string | null): Promise<T> {
  return request<T>(apiUrl(baseUrl, path), { headers: readHeaders(apiKey), signal });
}

/** Headers of a read: JSON answers, and the key (read or API key) when one is configured. */
export function readHeaders(apiKey?: string | null): Record<string, string> {
  return apiKey ? { accept: 'application/json', 'x-api-key': apiKey } : { accept: 'application/json' };
}

/** Headers of a mutating request: JSON answers, and the API key when one is configured. */
export function commandHeaders(config: ApiConfig): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (config.apiKey) headers['x-api-key'] = config.apiKey;
  return headers;
}

function post<T>(config: ApiConfig, path: string, query: Record<string, string | number | boolean> = {}) {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const headers = commandHeaders(config);
  return request<T>(apiUrl(config.baseUrl, search ? `${path}?${search}` : path), { method: 'POST', headers });
}

/** POST with a JSON body (or none), with the command headers. */
export function postJson<T>(config: ApiConfig, path: string, body?: unknown): Promise<T> {
  const headers = commandHeaders(config);
  if (body === undefined) return request<T>(apiUrl(config.baseUrl, path), { method: 'POST', headers });
  return request<T>(apiUrl(config.baseUrl, path), { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export interface CancelOptions {
  purge: boolean;
  removePending: boolean;
  resetLogs: boolean;
}

/** The mutating endpoints, bound to one backend. */
export function createCommands(config: ApiConfig) {
  return {
    generate: (quantity: number, autoProcess: boolean) =>
      post<GenerateResult>(config, '/pedidos/generate', { quantity, autoProcess }),
    process: () => post<ProcessResult>(config, '/pedidos/process'),
    cancel: (options: CancelOptions) => post<CancelResult>(config, '/pedidos/cancel', { ...options }),
    reset: () => post<ResetResult>(config, '/pedidos/reset'),
    pause: () => post<QueueStatus>(config, '/pedidos/queue/pause'),
    resume: () => post<QueueStatus>(config, '/pedidos/queue/resume'),
    clean: (state: CleanableState) => post<CleanResult>(config, '/pedidos/queue/clean', { state }),
  };
}
export type Commands = ReturnType<typeof createCommands>;
