import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';

const ApiContext = createContext<ApiClient | null>(null);

/** Hands the one ApiClient (IPC or HTTP, chosen at start) to every component below it. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The manager's contract, whichever transport carries it. Throws outside an ApiProvider so a wiring mistake fails loudly. */
export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() was called outside <ApiProvider>; wrap the app in <ApiProvider client={...}>.');
  return client;
}
