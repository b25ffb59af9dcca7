'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import useSWR, { SWRConfig } from 'swr';
import { ACCESS_KEY, showsControls, type AccessView } from '@/app/lib/access';
import { createCommands, getJson } from '@/app/lib/api/client';
import { BackendContext } from './backend-context';
import { SocketBridge, type ConnectionState } from './socket-bridge';

/** How often SWR re-fetches while the socket is down (and only then). */
export const FALLBACK_POLL_MS = 2000;

const ConnectionContext = createContext<ConnectionState>({ status: 'connecting', attempt: 0 });

/**
 * Everything live: the backend URL and API key handed over by the server layout, SWR's fetcher,
 * the socket bridge that feeds SWR's cache, and polling as the fallback while the socket is down.
 */
export function LiveProvider({
  apiUrl,
  apiKey,
  access,
  children,
}: {
  apiUrl: string;
  apiKey: string | null;
  /** What the key may do, as the server layout asked the backend (undefined when it did not answer). */
  access?: AccessView;
  children: ReactNode;
}) {
  const [connection, setConnection] = useState<ConnectionState>({ status: 'connecting', attempt: 0 });
  const fetcher = useCallback((path: string) => getJson(apiUrl, path, undefined, apiKey), [apiUrl, apiKey]);
  const backend = useMemo(() => {
    const config = { baseUrl: apiUrl, apiKey };
    return { apiUrl, config, commands: createCommands(config) };
  }, [apiUrl, apiKey]);
  const live = connection.status === 'connected';

  return (
    <BackendContext.Provider value={backend}>
      <ConnectionContext.Provider value={connection}>
        <SWRConfig
          value={{
            fetcher,
            refreshInterval: live ? 0 : FALLBACK_POLL_MS,
            revalidateOnFocus: !live,
            dedupingInterval: 1000,
            keepPreviousData: true,
            errorRetryInterval: FALLBACK_POLL_MS,
          }}
        >
          <SocketBridge apiUrl={apiUrl} apiKey={apiKey} onConnectionChange={setConnection} />
          <AccessProvider fallback={access}>{children}</AccessProvider>
        </SWRConfig>
      </ConnectionContext.Provider>
    </BackendContext.Provider>
  );
}

export const useConnection = () => useContext(ConnectionContext);

const ControlsContext = createContext(true);

/** Follows `GET /pedidos/access` (seeded by the layout's answer) and tells the controls whether to show. */
function AccessProvider({ fallback, children }: { fallback?: AccessView; children: ReactNode }) {
  const { data } = useSWR<AccessView>(ACCESS_KEY, { fallbackData: fallback, refreshInterval: 0, revalidateOnFocus: false });
  return <ControlsContext.Provider value={showsControls(data)}>{children}</ControlsContext.Provider>;
}

/** False when the dashboard's key may only read: the controls it cannot use are not shown. */
export const useShowsControls = () => useContext(ControlsContext);
