'use client';

import { useMemo } from 'react';
import useSWR from 'swr';
import { createEventCommands } from '@/app/lib/events/client';
import { eventKeys } from '@/app/lib/events/keys';
import type { EventMetrics } from '@pedidos/contract';
import { useBackend } from '@/app/ui/app-shell/backend-context';

/** `GET /events/metrics` from SWR's cache, which the socket's `events:metrics` keeps current. */
export function useEventMetrics(fallback?: EventMetrics) {
  return useSWR<EventMetrics>(eventKeys.metrics, { fallbackData: fallback });
}

/** The event-intake commands, with the dashboard's backend URL and API key. */
export function useEventCommands() {
  const { config } = useBackend();
  return useMemo(() => createEventCommands(config), [config]);
}
