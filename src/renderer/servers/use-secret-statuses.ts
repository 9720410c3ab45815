import { useEffect } from 'react';
import type { ServerSummary } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { useQuery } from '../hooks/use-query';

interface SecretStatuses {
  /** Declared secrets that have no value, by server id; empty until the keychain answered. */
  missing: ReadonlyMap<string, readonly string[]>;
  /** The keychain service the values are kept under, once known. */
  keychainService: string | undefined;
  /** The keychain has answered (until then nothing is known to be missing or set). */
  known: boolean;
}

/**
 * Which declared secrets are not set, for the given servers (read again when the servers change,
 * e.g. a secret was declared, set or cleared and the server restarted).
 */
export function useSecretStatuses(servers: readonly ServerSummary[], serverId?: string): SecretStatuses {
  const api = useApi();
  const declared = servers.map((server) => `${server.id}:${server.secretEnv.join(',')}`).join(' ');
  const query = useQuery('secrets.list', serverId === undefined ? {} : { serverId }, `${serverId ?? ''}|${declared}`);
  const { reload } = query;
  useEffect(() => api.on('servers.changed', reload), [api, reload]);

  const missing = new Map<string, string[]>();
  for (const secret of query.state.data?.secrets ?? []) {
    if (!secret.isSet) missing.set(secret.serverId, [...(missing.get(secret.serverId) ?? []), secret.name]);
  }
  return { missing, keychainService: query.state.data?.keychainService, known: query.state.data !== undefined };
}
