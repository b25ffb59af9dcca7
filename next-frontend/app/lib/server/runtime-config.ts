/**
 * Settings read from the environment at request time (never inlined at build time), so one build
 * serves docker-compose and local runs alike. Server-only: import it from server components.
 */
export interface RuntimeConfig {
  /** Where the Next.js server reaches the backend. */
  apiUrl: string;
  /** Where the browser reaches the backend (differs from apiUrl when the server uses an internal host name). */
  publicApiUrl: string;
  /** Sent as `x-api-key` on every request: the API key (everything) or the read key (the dashboard then only shows). */
  apiKey: string | null;
}

const DEFAULT_API_URL = 'http://localhost:3000';

/**
 * Reads a variable through a computed name: Next.js inlines literal `process.env.NEXT_PUBLIC_*` reads at
 * build time, and these must stay run-time settings.
 */
function readEnv(name: string): string | undefined {
  const value = process.env[name];
  return value && value.trim() ? value.trim() : undefined;
}

export function getRuntimeConfig(): RuntimeConfig {
  const apiUrl = (readEnv('API_URL') ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const publicApiUrl = (readEnv('PUBLIC_API_URL') ?? readEnv('NEXT_PUBLIC_API_URL') ?? apiUrl).replace(/\/+$/, '');
  const apiKey = readEnv('DASHBOARD_API_KEY') ?? readEnv('API_KEY') ?? readEnv('READ_API_KEY') ?? null;
  return { apiUrl, publicApiUrl, apiKey };
}
