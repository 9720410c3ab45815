import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useApi } from '../app/api-context';
import { useServers } from '../servers/servers-context';
import { HeldToolsStore, type HeldTools } from './held-tools-store';

const HeldToolsContext = createContext<HeldToolsStore | null>(null);
const NOTHING_HELD: readonly string[] = [];

/** Starts the window's one HeldToolsStore and has it follow the list of servers. */
export function HeldToolsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [store] = useState(() => new HeldToolsStore(api));
  const { snapshot } = useServers();
  useEffect(() => store.start(), [store]);
  const serverIds = snapshot.servers.map((server) => server.id).join('\n');
  useEffect(() => {
    if (snapshot.status === 'ready') store.track(serverIds === '' ? [] : serverIds.split('\n'));
  }, [store, snapshot.status, serverIds]);
  return <HeldToolsContext.Provider value={store}>{children}</HeldToolsContext.Provider>;
}

export function useHeldToolsStore(): HeldToolsStore {
  const store = useContext(HeldToolsContext);
  if (!store) throw new Error('Held-tools hooks need a <HeldToolsProvider> above them.');
  return store;
}

/** Every server's held-back tools, live. */
export function useHeldTools(): HeldTools {
  const store = useHeldToolsStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** One server's held-back tools, live. */
export function useServerHeldTools(serverId: string): readonly string[] {
  return useHeldTools().get(serverId) ?? NOTHING_HELD;
}
