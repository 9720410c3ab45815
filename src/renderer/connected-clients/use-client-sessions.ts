import { useEffect } from 'react';
import { useApi } from '../app/api-context';
import { useQuery } from '../hooks/use-query';

/** The clients connected to one server, re-read whenever `sessions.changed` names that server. */
export function useClientSessions(serverId: string) {
  const api = useApi();
  const query = useQuery('sessions.list', { serverId }, serverId);
  const { reload } = query;
  useEffect(() => api.on('sessions.changed', (event) => {
    if (event.serverId === serverId) reload();
  }), [api, serverId, reload]);
  return query;
}
