import { apiUrl, commandHeaders, request, type ApiConfig } from '../api/client';
import type { BatchAccepted, EventsResetResult, IntakeEvent, RetryResult } from '@pedidos/contract';

function postJson<T>(config: ApiConfig, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>(apiUrl(config.baseUrl, path), {
    method: 'POST',
    headers: { ...commandHeaders(config), 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}

/**
 * The event-intake endpoints the dashboard calls, bound to one backend. Intake accepts the dashboard's
 * `x-api-key` as well as its own key, so the test burst needs nothing else.
 */
export function createEventCommands(config: ApiConfig) {
  return {
    sendBatch: (events: IntakeEvent[], signal?: AbortSignal) => postJson<BatchAccepted>(config, '/events/batch', { events }, signal),
    /** Every dead letter when `eventIds` is omitted. */
    retryDeadLetters: (eventIds?: string[]) => postJson<RetryResult>(config, '/events/dead-letters/retry', eventIds ? { eventIds } : {}),
    reset: () => postJson<EventsResetResult>(config, '/events/reset', {}),
  };
}
export type EventCommands = ReturnType<typeof createEventCommands>;
