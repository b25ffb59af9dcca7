'use client';

import { createContext, useContext } from 'react';
import type { ApiConfig, Commands } from '@/app/lib/api/client';

export interface BackendValue {
  apiUrl: string;
  /** For command sets of other contexts (the event intake's). */
  config: ApiConfig;
  commands: Commands;
}

/** Provided by <LiveProvider>; its own module so the shell's live parts read it without importing the provider. */
export const BackendContext = createContext<BackendValue | null>(null);

export function useBackend(): BackendValue {
  const value = useContext(BackendContext);
  if (!value) throw new Error('useBackend must be used inside <LiveProvider>');
  return value;
}
