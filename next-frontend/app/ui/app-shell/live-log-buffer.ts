'use client';

import { useCallback } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { getJson } from '@/app/lib/api/client';
import type { LogLine } from '@pedidos/contract';
import { appendLogLines } from '@/app/lib/log-buffer';
import { useBackend } from './backend-context';

export interface LogsBody {
  lines: LogLine[];
}

/**
 * The SWR key of the live log buffer: seeded by this request, then grown by socket `log` events.
 * Private to this module on purpose: a hook reading it with SWR's default fetcher would replace the buffer
 * with the fetched tail and lose the lines received over the socket (live-log-buffer.spec.ts checks that no
 * other file names the path).
 */
const LOGS_KEY = '/pedidos/logs?lines=200';

/** A re-fetch (reconnect, polling while disconnected) merges the fresh tail into what is buffered. */
export function mergingLogsFetcher(fetchTail: (path: string) => Promise<Partial<LogsBody>>, buffered: (path: string) => LogLine[] | undefined) {
  return async (path: string): Promise<LogsBody> => {
    const fresh = await fetchTail(path);
    return { lines: appendLogLines(buffered(path), fresh.lines ?? []) };
  };
}

/** The live log buffer, the only reader of its key (the log tail reads it, the socket bridge keeps it mounted). */
export function useLogBuffer() {
  const { apiUrl, config } = useBackend();
  const { cache } = useSWRConfig();
  const fetchLogs = useCallback(
    (path: string) =>
      mergingLogsFetcher(
        (tailPath) => getJson<LogsBody>(apiUrl, tailPath, undefined, config.apiKey),
        (key) => (cache.get(key)?.data as LogsBody | undefined)?.lines,
      )(path),
    [apiUrl, config.apiKey, cache],
  );
  return useSWR<LogsBody>(LOGS_KEY, fetchLogs, { revalidateOnFocus: false });
}

/** Appends socket lines to the buffer without a re-fetch: the only writer of its key. */
export function useLogAppender(): (lines: readonly LogLine[]) => void {
  const { mutate } = useSWRConfig();
  return useCallback(
    (lines) => {
      if (lines.length) mutate<LogsBody>(LOGS_KEY, (body) => ({ lines: appendLogLines(body?.lines, lines) }), { revalidate: false });
    },
    [mutate],
  );
}
