import { useCallback, useState } from 'react';
import type { ServerSummary } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { useApi } from '../app/api-context';
import { useConfirm } from '../ui/ConfirmProvider';
import { useNotify } from '../ui/NoticesProvider';
import { useServersActions } from './servers-context';

type ServerOperation = 'start' | 'stop' | 'restart' | 'enabled' | 'autostart' | 'remove';

export interface ServerActions {
  /** The operations in flight, by server, so their buttons can show it and not be pressed twice. */
  isPending: (serverId: string, operation?: ServerOperation) => boolean;
  start: (server: ServerSummary) => Promise<void>;
  stop: (server: ServerSummary) => Promise<void>;
  restart: (server: ServerSummary) => Promise<void>;
  setEnabled: (server: ServerSummary, enabled: boolean) => Promise<void>;
  setAutostart: (server: ServerSummary, autostart: boolean) => Promise<void>;
  /** Asks first; resolves true when the server was removed. */
  remove: (server: ServerSummary) => Promise<boolean>;
}

/** The lifecycle buttons' behaviour, shared by the list and a server's page. Failures become notices. */
export function useServerActions(): ServerActions {
  const api = useApi();
  const { applySummary, applyRemoved } = useServersActions();
  const notify = useNotify();
  const confirm = useConfirm();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());

  const track = useCallback(
    async <T,>(server: ServerSummary, operation: ServerOperation, failureVerb: string, work: () => Promise<T>): Promise<T | undefined> => {
      const key = `${server.id}:${operation}`;
      setPending((current) => new Set(current).add(key));
      try {
        return await work();
      } catch (error) {
        notify({ kind: 'error', message: `Could not ${failureVerb} ${server.name}: ${messageOf(error)}` });
        return undefined;
      } finally {
        setPending((current) => {
          const next = new Set(current);
          next.delete(key);
          return next;
        });
      }
    },
    [notify],
  );

  const isPending = useCallback(
    (serverId: string, operation?: ServerOperation) =>
      operation ? pending.has(`${serverId}:${operation}`) : [...pending].some((key) => key.startsWith(`${serverId}:`)),
    [pending],
  );

  // Lifecycle calls answer with the new health; merge it so the badge changes without waiting.
  const lifecycle = (operation: 'start' | 'stop' | 'restart') => async (server: ServerSummary) => {
    await track(server, operation, operation, async () => {
      const health = await api.call(`servers.${operation}`, { id: server.id });
      applySummary({ ...server, health });
    });
  };

  return {
    isPending,
    start: lifecycle('start'),
    stop: lifecycle('stop'),
    restart: lifecycle('restart'),
    setEnabled: async (server, enabled) => {
      await track(server, 'enabled', enabled ? 'enable' : 'disable', async () => applySummary(await api.call('servers.setEnabled', { id: server.id, enabled })));
    },
    setAutostart: async (server, autostart) => {
      await track(server, 'autostart', 'change autostart of', async () => applySummary(await api.call('servers.setAutostart', { id: server.id, autostart })));
    },
    remove: async (server) => {
      const confirmed = await confirm({
        title: `Remove ${server.name}?`,
        message: (
          <>
            <p>
              The server is stopped and its definition, log and stored secrets ({server.secretEnv.length > 0 ? server.secretEnv.join(', ') : 'none'}) are deleted.
            </p>
            <p>Client config files that list it are not changed; remove it from them on the Clients page.</p>
          </>
        ),
        confirmLabel: 'Remove server',
        danger: true,
      });
      if (!confirmed) return false;
      const removed = await track(server, 'remove', 'remove', async () => {
        await api.call('servers.remove', { id: server.id });
        applyRemoved(server.id);
        return true;
      });
      if (removed) notify({ kind: 'success', message: `Removed ${server.name}.` });
      return removed === true;
    },
  };
}
