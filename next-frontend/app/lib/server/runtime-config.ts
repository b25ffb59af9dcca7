/**
 * Settings read from the environment at request time (never inlined at build time), so one build
 * serves docker-compose and local runs alike. Server-only: import it from server components.
 */
export interface RuntimeConfig {
  /** Where the Next.js server reaches the backend. */
  apiUrl: string;
  /** Where the browser reaches the backend (differs from apiUrl when the server uses an internal host name). */
  publicApiUrl: string;
  /** Sent as `x-api-key` on mutating requests. */
  apiKey: string | null;
}

const DEFAULT_API_URL = 'http://localhost:3000';

export function getRuntimeConfig(): RuntimeConfig {
  const apiUrl = (process.env.API_URL || DEFAULT_API_URL).replace(/\/+$/, '');
  const publicApiUrl = (process.env.PUBLIC_API_URL || apiUrl).replace(/\/+$/, '');
  const apiKey = process.env.DASHBOARD_API_KEY || process.env.API_KEY || null;
  return { apiUrl, publicApiUrl, apiKey };
}
