'use client';

import { useCallback } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { getJson } from '@/app/lib/api/client';
import { keys } from '@/app/lib/api/keys';
import type { LogLine } from '@pedidos/contract';
import { appendLogLines } from '@/app/lib/log-buffer';
import { useBackend } from '@/app/ui/app-shell/live-provider';

export interface LogsBody {
  lines: LogLine[];
}

/**
 * The live log buffer, cached under the `GET /pedidos/logs?lines=200` key. Every hook on that key
 * must use this fetcher: a re-fetch (reconnect, polling while disconnected) merges the fresh tail
 * into the buffer instead of replacing it, so lines received over the socket are never lost.
 */
export function useLogBuffer() {
  const { apiUrl, config } = useBackend();
  const { cache } = useSWRConfig();
  const fetchLogs = useCallback(
    async (path: string): Promise<LogsBody> => {
      const fresh = await getJson<LogsBody>(apiUrl, path, undefined, config.apiKey);
      const buffered = (cache.get(path)?.data as LogsBody | undefined)?.lines;
      return { lines: appendLogLines(buffered, fresh.lines ?? []) };
    },
    [apiUrl, config.apiKey, cache],
  );
  return useSWR<LogsBody>(keys.logs, fetchLogs, { revalidateOnFocus: false });
}
