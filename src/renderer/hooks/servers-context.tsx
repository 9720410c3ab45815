import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ServerSummary } from '../../shared/contract';
import { useApi } from '../app/api-context';
import type { HealthSample } from '../server-page/health-history';
import { ServersStore, type ServersSnapshot } from './servers-store';

const ServersContext = createContext<ServersStore | null>(null);

/** Starts the one ServersStore of the window; every page reads the same live list from it. */
export function ServersProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [store] = useState(() => new ServersStore(api));
  useEffect(() => store.start(), [store]);
  return <ServersContext.Provider value={store}>{children}</ServersContext.Provider>;
}

function useStore(): ServersStore {
  const store = useContext(ServersContext);
  if (!store) throw new Error('Server hooks need a <ServersProvider> above them.');
  return store;
}

export interface ServersState {
  snapshot: ServersSnapshot;
  reload: () => Promise<void>;
  /** Puts an action's returned summary in the list at once. */
  applySummary: (summary: ServerSummary) => void;
  applyRemoved: (serverId: string) => void;
}

/** servers.list, kept live by `server.health` and `servers.changed`. */
export function useServers(): ServersState {
  const store = useStore();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  // Stable functions, so components can list them as effect dependencies.
  const actions = useMemo(
    () => ({
      reload: () => store.reload(),
      applySummary: (summary: ServerSummary) => store.applySummary(summary),
      applyRemoved: (serverId: string) => store.applyRemoved(serverId),
    }),
    [store],
  );
  return { snapshot, ...actions };
}

export function useServer(serverId: string): ServerSummary | undefined {
  return useServers().snapshot.servers.find((server) => server.id === serverId);
}

/** The server's health reports received since the window opened (bounded). */
export function useHealthHistory(serverId: string): readonly HealthSample[] {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => store.historyOf(serverId));
}
