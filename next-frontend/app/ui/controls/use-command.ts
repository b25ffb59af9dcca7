'use client';

import { useCallback, useState } from 'react';
import { useSWRConfig } from 'swr';
import { ApiError } from '@/app/lib/api/errors';
import { isQueueKey, isRunsKey, keys } from '@/app/lib/api/keys';
import type { Translate } from '@/app/lib/i18n/dictionary';
import { useI18n } from '@/app/ui/app-shell/i18n-context';

export interface CommandOutcome {
  kind: 'ok' | 'error';
  text: string;
  /** Increments on every outcome so the live region re-announces an identical message. */
  sequence: number;
}

/** The API's own error message with its status, or why no answer came. */
export function describeError(error: unknown, t: Translate): string {
  return error instanceof ApiError && error.status > 0
    ? t('result.error', { status: error.status, message: error.message })
    : t('result.networkError', { message: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs one backend command at a time and turns its answer (or the API's error `message`) into a
 * sentence for the result region; afterwards every view the command may have changed is refreshed.
 */
export function useCommand() {
  const { mutate } = useSWRConfig();
  const { t } = useI18n();
  const [pending, setPending] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<CommandOutcome | null>(null);

  const run = useCallback(
    async <T,>(name: string, command: () => Promise<T>, describe: (result: T) => string): Promise<T | undefined> => {
      setPending(name);
      try {
        const result = await command();
        setOutcome((previous) => ({ kind: 'ok', text: describe(result), sequence: (previous?.sequence ?? 0) + 1 }));
        return result;
      } catch (error) {
        const text = describeError(error, t);
        setOutcome((previous) => ({ kind: 'error', text, sequence: (previous?.sequence ?? 0) + 1 }));
        return undefined;
      } finally {
        setPending(null);
        mutate(keys.status);
        mutate(isQueueKey);
        mutate(isRunsKey);
      }
    },
    [mutate, t],
  );

  return { run, pending, outcome };
}
