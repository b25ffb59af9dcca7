'use client';

import { useEffect } from 'react';
import { useSWRConfig } from 'swr';
import { eventKeys, isDeadLettersKey } from '@/app/lib/events/keys';
import type { EventMetrics } from '@pedidos/contract';
import { getSocket } from '@/app/lib/socket';
import { useBackend } from '@/app/ui/app-shell/backend-context';

/**
 * Puts every `events:metrics` message (at most 4 a second) into SWR's cache while the Eventos page
 * is open; the layout's socket bridge owns the connection. Renders nothing.
 */
export function EventMetricsFeed() {
  const { apiUrl, config } = useBackend();
  const { mutate } = useSWRConfig();

  useEffect(() => {
    const socket = getSocket(apiUrl, config.apiKey ?? null);
    const onMetrics = (metrics: EventMetrics) => mutate(eventKeys.metrics, metrics, { revalidate: false });
    // Catch up on whatever happened while the socket was down.
    const onConnect = () => {
      mutate(eventKeys.metrics);
      mutate(isDeadLettersKey);
    };
    socket.on('events:metrics', onMetrics);
    socket.on('connect', onConnect);
    return () => {
      socket.off('events:metrics', onMetrics);
      socket.off('connect', onConnect);
    };
  }, [apiUrl, config.apiKey, mutate]);

  return null;
}
