import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { ConnectionMonitor, ConnectionStatus } from './connection-monitor';

const ConnectionContext = createContext<ConnectionMonitor | null>(null);

export function ConnectionProvider({ monitor, children }: { monitor: ConnectionMonitor; children: ReactNode }) {
  useEffect(() => monitor.startProbing(), [monitor]);
  return <ConnectionContext.Provider value={monitor}>{children}</ConnectionContext.Provider>;
}

export function useConnectionStatus(): ConnectionStatus {
  const monitor = useContext(ConnectionContext);
  if (!monitor) throw new Error('useConnectionStatus() needs a <ConnectionProvider> above it.');
  return useSyncExternalStore(monitor.subscribe, monitor.getStatus);
}

/** True while the manager cannot be reached (false outside a ConnectionProvider, e.g. in isolated views). */
export function useManagerLost(): boolean {
  const monitor = useContext(ConnectionContext);
  const subscribe = monitor?.subscribe ?? noSubscription;
  return useSyncExternalStore(subscribe, () => monitor?.getStatus().state === 'lost');
}

const noSubscription = (): (() => void) => () => undefined;
