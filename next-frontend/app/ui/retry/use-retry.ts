'use client';

import { useMemo } from 'react';
import useSWR from 'swr';
import { keys } from '@/app/lib/api/keys';
import type { StatusSnapshot } from '@pedidos/contract';
import type { MessageKey } from '@/app/lib/i18n/dictionary';
import { createRetryCommands } from '@/app/lib/retry/client';
import type { RetryBlock } from '@/app/lib/retry/eligibility';
import { useBackend } from '@/app/ui/app-shell/backend-context';

/** The retry commands, with the dashboard's backend URL and API key. */
export function useRetryCommands() {
  const { config } = useBackend();
  return useMemo(() => createRetryCommands(config), [config]);
}

/** The latest run's status from SWR's cache, which the socket keeps current: what decides whether a retry may run. */
export function useLatestRun(fallback?: StatusSnapshot) {
  return useSWR<StatusSnapshot>(keys.status, { fallbackData: fallback }).data;
}

export const RETRY_BLOCK_TEXT: Record<RetryBlock, MessageKey> = {
  unknown: 'retry.why.unknown',
  active: 'retry.why.active',
  notDone: 'retry.why.notDone',
  otherRun: 'retry.why.otherRun',
};
