'use client';

import { useEffect, useRef } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { isQueueKey, isRestKey, isRunsKey, keys } from '@/app/lib/api/keys';
import type { LogLine, PhaseEvent, StatusSnapshot } from '@pedidos/contract';
import { toLogLines } from '@/app/lib/log-buffer';
import { getSocket } from '@/app/lib/socket';
import { throughputStore } from '@/app/lib/throughput-store';
import { appendSample, sampleFromStatus } from '@/app/lib/throughput-series';
import { useLogAppender, useLogBuffer } from './live-log-buffer';

export interface ConnectionState {
  status: 'connecting' | 'connected' | 'disconnected' | 'reconnecting';
  attempt: number;
}

/** Socket log lines are applied in batches so a burst of lines costs one render, not hundreds. */
const LOG_FLUSH_MS = 200;
/** Queue and run views have no socket event of their own; progress events refresh them at most this often. */
const DERIVED_REFRESH_MS = 2000;

/**
 * Connects the socket singleton and turns its events into SWR cache updates. Renders nothing.
 * Mounted once in the layout, so the log tail and the chart keep filling on every page.
 */
export function SocketBridge({
  apiUrl,
  apiKey,
  onConnectionChange,
}: {
  apiUrl: string;
  apiKey: string | null;
  onConnectionChange: (state: ConnectionState) => void;
}) {
  const { mutate } = useSWRConfig();
  const { data: status } = useSWR<StatusSnapshot>(keys.status);

  // Mounted here so the buffer (and its merging fetcher) lives on every page, not only on the log tail's.
  useLogBuffer();
  const appendLogs = useLogAppender();

  const pendingLogs = useRef<LogLine[]>([]);

  useEffect(() => {
    const socket = getSocket(apiUrl, apiKey);
    let flushTimer: ReturnType<typeof setTimeout> | null = null;
    let lastDerivedRefresh = 0;

    const flushLogs = () => {
      flushTimer = null;
      const batch = pendingLogs.current;
      pendingLogs.current = [];
      appendLogs(batch);
    };
    const refreshDerived = (force: boolean) => {
      const now = Date.now();
      if (!force && now - lastDerivedRefresh < DERIVED_REFRESH_MS) return;
      lastDerivedRefresh = now;
      mutate(isQueueKey);
      mutate(isRunsKey);
    };

    const onConnect = () => {
      onConnectionChange({ status: 'connected', attempt: 0 });
      // Catch up on whatever happened while we were away.
      mutate(isRestKey);
    };
    const onDisconnect = () => onConnectionChange({ status: 'disconnected', attempt: 0 });
    const onConnectError = () => {
      if (!socket.active) onConnectionChange({ status: 'disconnected', attempt: 0 });
    };
    const onReconnectAttempt = (attempt: number) => onConnectionChange({ status: 'reconnecting', attempt });
    const onProgress = (snapshot: StatusSnapshot | null) => {
      // The server sends null to a new client when it cannot read the status; polling covers that.
      if (!snapshot) return;
      mutate(keys.status, snapshot, { revalidate: false });
      refreshDerived(false);
    };
    const onPhase = (event: PhaseEvent) => {
      // Show the new phase at once, but only on the snapshot of the same run: the other figures of a
      // snapshot from an earlier run would be shown as the new run's.
      mutate<StatusSnapshot>(
        keys.status,
        (current) => (current && current.lastRunId === event.runId ? { ...current, phase: event.phase } : current),
        { revalidate: false },
      );
      // A phase change moves more than the phase (awaitingProcess, timings): fetch the full snapshot once.
      mutate(keys.status);
      refreshDerived(true);
    };
    const onLog = (payload: LogLine | LogLine[]) => {
      pendingLogs.current.push(...toLogLines(payload));
      flushTimer ??= setTimeout(flushLogs, LOG_FLUSH_MS);
    };

    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.io.on('reconnect_attempt', onReconnectAttempt);
    socket.on('progress', onProgress);
    socket.on('phase', onPhase);
    socket.on('log', onLog);
    socket.connect();

    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.io.off('reconnect_attempt', onReconnectAttempt);
      socket.off('progress', onProgress);
      socket.off('phase', onPhase);
      socket.off('log', onLog);
      if (flushTimer) clearTimeout(flushTimer);
      pendingLogs.current = [];
      socket.disconnect();
    };
  }, [apiUrl, apiKey, mutate, appendLogs, onConnectionChange]);

  // Every new snapshot, from the socket or from polling, becomes a chart point.
  useEffect(() => {
    if (!status) return;
    const sample = sampleFromStatus(status);
    if (sample) throughputStore.update((series) => appendSample(series, status.lastRunId, sample));
  }, [status]);

  return null;
}
