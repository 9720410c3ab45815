import { useCallback, useEffect, useState } from 'react';
import type { MethodResult } from '../../../shared/contract';
import { useApi } from '../../app/api-context';

export type ServerProtocol = MethodResult<'servers.protocol'>;

/**
 * What the running server declared in its handshake (and what the UI asked of it), so a control is
 * offered only when the server declares the capability behind it. Undefined while the server is
 * not running or not yet asked; asked again whenever a new process of it starts.
 */
export function useServerProtocol(serverId: string): { protocol: ServerProtocol | undefined; refresh: () => void } {
  const api = useApi();
  const [protocol, setProtocol] = useState<ServerProtocol | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const refresh = useCallback(() => setAttempt((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    api.call('servers.protocol', { id: serverId }).then(
      (answer) => {
        if (current) setProtocol(answer);
      },
      () => {
        if (current) setProtocol(undefined);
      },
    );
    return () => {
      current = false;
    };
  }, [api, serverId, attempt]);

  useEffect(
    () =>
      api.on('server.health', (health) => {
        if (health.serverId !== serverId) return;
        // A new process may declare other capabilities; a stopped one declares none.
        if (health.state === 'running' || health.state === 'stopped' || health.state === 'failed' || health.state === 'backoff') refresh();
      }),
    [api, serverId, refresh],
  );

  return { protocol, refresh };
}
