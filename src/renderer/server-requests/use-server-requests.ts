import { useEffect, useState } from 'react';
import type { PendingServerRequest } from '../../shared/server-requests-contract';
import { messageOf } from '../../shared/error-message';
import { useApi } from '../app/api-context';

interface ServerRequests {
  requests: PendingServerRequest[];
  /** Why the list could not be read, when it could not. */
  error: string | null;
}

/**
 * The server requests waiting for a person, kept current by serverRequests.changed. Read again
 * after a lost connection (the event stream's catch-up announces servers.changed), since a
 * request that came or went meanwhile has no event left to replay.
 */
export function useServerRequests(): ServerRequests {
  const api = useApi();
  const [state, setState] = useState<ServerRequests>({ requests: [], error: null });

  useEffect(() => {
    let current = true;
    const load = () => {
      api.call('serverRequests.list', {}).then(
        ({ requests }) => current && setState({ requests, error: null }),
        (failure: unknown) => current && setState((previous) => ({ ...previous, error: messageOf(failure) })),
      );
    };
    load();
    const stopChanges = api.on('serverRequests.changed', ({ requests }) => setState({ requests, error: null }));
    const stopServers = api.on('servers.changed', load);
    return () => {
      current = false;
      stopChanges();
      stopServers();
    };
  }, [api]);
  return state;
}
