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

interface ServersState {
  snapshot: ServersSnapshot;
  reload: () => Promise<void>;
  /** Puts an action's returned summary in the list at once. */
  applySummary: (summary: ServerSummary) => void;
  applyRemoved: (serverId: string) => void;
}

type ServersActions = Omit<ServersState, 'snapshot'>;

/**
 * The store's actions without its snapshot: a component that only reloads or applies answers does
 * not re-render on every `server.health` event. Stable functions, usable as effect dependencies.
 */
export function useServersActions(): ServersActions {
  const store = useStore();
  return useMemo(
    () => ({
      reload: () => store.reload(),
      applySummary: (summary: ServerSummary) => store.applySummary(summary),
      applyRemoved: (serverId: string) => store.applyRemoved(serverId),
    }),
    [store],
  );
}

/** servers.list, kept live by `server.health` and `servers.changed`. */
export function useServers(): ServersState {
  const store = useStore();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { snapshot, ...useServersActions() };
}

/** One server; re-renders only when that server's summary changes, not on other servers' health. */
export function useServer(serverId: string): ServerSummary | undefined {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => store.getSnapshot().servers.find((server) => server.id === serverId));
}

/** The server's health reports received since the window opened (bounded). */
export function useHealthHistory(serverId: string): readonly HealthSample[] {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => store.historyOf(serverId));
}
